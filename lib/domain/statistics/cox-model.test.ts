import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { fitCoxModel, type CoxModelResult } from "./cox-model";
import monotone from "./fixtures/cox-monotone-reference.json";
import reference from "./fixtures/cox-reference.json";
import { expectClose } from "./test-tolerance";

type CoxTies = "efron" | "breslow";

/** The JSON import types each case's covariates as a union with optional keys; keep the present ones. */
function covariatesOf(c: (typeof reference)[number]): Record<string, number[]> {
  const present: Record<string, number[]> = {};
  for (const [name, values] of Object.entries(c.covariates)) if (values) present[name] = values;
  return present;
}

function checkAgainstR(result: CoxModelResult, c: (typeof reference)[number]): void {
  expect(result.converged).toBe(true);
  expect(result.iterations).toBe(c.iterations);
  expect(result.n).toBe(c.n);
  expect(result.nEvent).toBe(c.nEvent);
  expect(result.terms.map((t) => t.name)).toEqual(c.terms.map((t) => t.name));
  c.terms.forEach((expected, i) => {
    const actual = result.terms[i];
    if (!actual) throw new Error(`missing term ${expected.name}`);
    for (const key of ["coef", "se", "hr", "lower", "upper", "z", "p"] as const) {
      expectClose(actual[key], expected[key], 1e-6, `${expected.name}.${key}`);
    }
    expect(actual.possiblyInfinite).toBe(false);
  });
  for (const key of ["logLik", "logLikNull", "lrChisq", "lrP", "waldChisq", "waldP", "scoreChisq", "scoreP"] as const) {
    expectClose(result[key], c[key], 1e-6, key);
  }
  expect(result.lrDf).toBe(c.lrDf);
  expect(result.warnings).toEqual([]);
}

describe("fitCoxModel against R coxph", () => {
  it.each(reference.map((c) => [c.name, c.ties, c] as const))("%s (%s)", (_name, ties, c) => {
    const result = fitCoxModel({ time: c.time, event: c.event, covariates: covariatesOf(c), ties: ties as CoxTies });
    expect(result.ties).toBe(ties);
    checkAgainstR(result, c);
  });

  it("defaults to Efron ties, like coxph", () => {
    const efron = reference.find((c) => c.name.startsWith("lung (months") && c.ties === "efron");
    if (!efron) throw new Error("fixture missing");
    const result = fitCoxModel({ time: efron.time, event: efron.event, covariates: covariatesOf(efron) });
    expect(result.ties).toBe("efron");
    expectClose(result.terms[0]?.coef ?? Number.NaN, efron.terms[0]?.coef ?? Number.NaN, 1e-6, "coef");
  });

  it("gives different answers for Efron and Breslow with heavy ties", () => {
    const data = reference.find((c) => c.name.startsWith("lung (months"));
    if (!data) throw new Error("fixture missing");
    const efron = fitCoxModel({ time: data.time, event: data.event, covariates: covariatesOf(data), ties: "efron" });
    const breslow = fitCoxModel({
      time: data.time,
      event: data.event,
      covariates: covariatesOf(data),
      ties: "breslow",
    });
    expect(Math.abs((efron.terms[0]?.coef ?? 0) - (breslow.terms[0]?.coef ?? 0))).toBeGreaterThan(1e-3);
  });
});

describe("fitCoxModel edge cases", () => {
  it("flags a monotone likelihood (infinite MLE) without crashing", () => {
    const result = fitCoxModel({ time: monotone.time, event: monotone.event, covariates: { x: monotone.x } });
    // R: "Loglik converged before variable 1; coefficient may be infinite", at iteration 20,
    // the coefficient having grown by ~1 per Newton step.
    expect(result.converged).toBe(true);
    expect(result.iterations).toBe(monotone.iterations);
    expect(result.terms[0]?.possiblyInfinite).toBe(true);
    expect(result.warnings).toEqual(["coefficient of x may be infinite (monotone likelihood)"]);
    expectClose(result.terms[0]?.coef ?? Number.NaN, monotone.coef, 1e-6, "coef");
    expect(result.terms[0]?.upper).toBe(Number.POSITIVE_INFINITY);
    expectClose(result.logLikNull, monotone.logLikNull, 1e-9, "null loglik");
    expectClose(result.logLik, monotone.logLik, 1e-9, "loglik plateau");
  });

  it("reports non-convergence when the iteration limit is reached first", () => {
    const result = fitCoxModel({
      time: monotone.time,
      event: monotone.event,
      covariates: { x: monotone.x },
      maxIterations: monotone.shortMaxIterations,
    });
    expect(result.converged).toBe(false);
    // R 3.5 reports iter.max + 1 (6) when it runs out; we report the iterations actually done.
    expect(monotone.shortIterations).toBe(monotone.shortMaxIterations + 1);
    expect(result.iterations).toBe(monotone.shortMaxIterations);
    expectClose(
      result.terms[0]?.coef ?? Number.NaN,
      monotone.shortCoef,
      1e-6,
      "coef after 5 iterations (R iter.max = 5)",
    );
    expect(result.warnings[0]).toBe("did not converge in 5 iterations");
    expect(() => fitCoxModel({ time: [1, 2], event: [1, 0], covariates: { x: [0, 1] }, maxIterations: 0 })).toThrow(
      /maxIterations/,
    );
  });

  it("rejects all-censored data with a clear message", () => {
    expect(() => fitCoxModel({ time: [1, 2, 3], event: [0, 0, 0], covariates: { x: [0, 1, 0] } })).toThrow(
      /all patients are censored/,
    );
  });

  it("rejects a constant covariate, mismatched lengths and non-finite values", () => {
    const base = { time: [1, 2, 3, 4], event: [1, 1, 0, 1] };
    expect(() => fitCoxModel({ ...base, covariates: { x: [2, 2, 2, 2] } })).toThrow(/x carry no information/);
    expect(() => fitCoxModel({ ...base, covariates: { x: [1, 0, 1] } })).toThrow(CalcInputError);
    expect(() => fitCoxModel({ ...base, covariates: { x: [1, 0, Number.NaN, 1] } })).toThrow(/finite/);
    expect(() => fitCoxModel({ ...base, covariates: {} })).toThrow(/at least one covariate/);
  });

  it("is invariant to shifting a covariate (covariates are centred internally)", () => {
    const c = reference[0];
    if (!c) throw new Error("fixture missing");
    const age = c.covariates.age ?? [];
    const shifted = fitCoxModel({ time: c.time, event: c.event, covariates: { age: age.map((a) => a + 1000) } });
    expectClose(shifted.terms[0]?.coef ?? Number.NaN, c.terms[0]?.coef ?? Number.NaN, 1e-8, "coef");
    expectClose(shifted.logLik, c.logLik, 1e-9, "loglik");
  });
});
