import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import {
  boundaryTableLength,
  checkToxicityBoundary,
  computeToxicityPosterior,
  findToxicityBoundary,
  MAX_BOUNDARY_TABLE_PATIENTS,
  tabulateToxicityBoundary,
  type ToxicityRule,
} from "./beta-binomial-monitoring";

/**
 * For whole-number shapes, P(p > θ) with p ~ Beta(α, β) equals P(Bin(α + β − 1, θ) <= α − 1)
 * (the beta-binomial identity: p > θ exactly when fewer than α of α + β − 1 uniforms fall below θ).
 * Computed here by a plain binomial sum, independently of the incomplete beta function.
 */
function closedFormUpperTail(alpha: number, beta: number, theta: number): number {
  const m = alpha + beta - 1;
  let total = 0;
  let coefficient = 1;
  for (let k = 0; k <= alpha - 1; k++) {
    if (k > 0) coefficient = (coefficient * (m - k + 1)) / k;
    total += coefficient * theta ** k * (1 - theta) ** (m - k);
  }
  return total;
}

// The trial's default (docs/protocol.md, "Stopping rules"): stop if P(rate of grade 3+ related toxicity > 30%) > 0.90, Beta(1, 1).
const TRIAL_RULE: ToxicityRule = { theta: 0.3, threshold: 0.9, priorA: 1, priorB: 1 };

describe("computeToxicityPosterior", () => {
  it.each([
    { rule: TRIAL_RULE, x: 0, n: 0 },
    { rule: TRIAL_RULE, x: 3, n: 6 },
    { rule: TRIAL_RULE, x: 7, n: 15 },
    { rule: TRIAL_RULE, x: 12, n: 43 },
    { rule: { theta: 0.2, threshold: 0.8, priorA: 2, priorB: 5 }, x: 4, n: 10 },
    { rule: { theta: 0.33, threshold: 0.95, priorA: 1, priorB: 3 }, x: 0, n: 20 },
  ])(
    "Beta($rule.priorA, $rule.priorB) prior, θ = $rule.theta, $x of $n: matches the binomial closed form",
    ({ rule, x, n }) => {
      const expected = closedFormUpperTail(rule.priorA + x, rule.priorB + n - x, rule.theta);
      expect(computeToxicityPosterior(rule, x, n)).toBeCloseTo(expected, 12);
    },
  );

  it("rises with each toxicity at a fixed number of patients", () => {
    const probabilities = [0, 1, 2, 3, 4, 5].map((x) => computeToxicityPosterior(TRIAL_RULE, x, 10));
    for (let i = 1; i < probabilities.length; i++) expect(probabilities[i]!).toBeGreaterThan(probabilities[i - 1]!);
  });

  it("rejects counts and rules that make no sense", () => {
    expect(() => computeToxicityPosterior(TRIAL_RULE, 5, 4)).toThrow(CalcInputError);
    expect(() => computeToxicityPosterior(TRIAL_RULE, -1, 4)).toThrow(CalcInputError);
    expect(() => computeToxicityPosterior({ ...TRIAL_RULE, theta: 1 }, 1, 4)).toThrow(/theta/);
    expect(() => computeToxicityPosterior({ ...TRIAL_RULE, priorA: 0 }, 1, 4)).toThrow(/priorA/);
  });
});

describe("toxicity boundary", () => {
  it("is the smallest count whose closed-form probability exceeds c, for every n up to 43", () => {
    const table = tabulateToxicityBoundary(TRIAL_RULE, 43);
    expect(table).toHaveLength(43);
    for (const { patients, stopAt } of table) {
      const stops = (x: number) => closedFormUpperTail(1 + x, 1 + patients - x, 0.3) > 0.9;
      if (stopAt === null) {
        expect(stops(patients), `n = ${patients}`).toBe(false);
        continue;
      }
      expect(stops(stopAt), `n = ${patients}, x = ${stopAt}`).toBe(true);
      if (stopAt > 0) expect(stops(stopAt - 1), `n = ${patients}, x = ${stopAt - 1}`).toBe(false);
    }
  });

  it("never falls as patients accrue, and already 1 toxicity in 1 patient stops this rule", () => {
    const table = tabulateToxicityBoundary(TRIAL_RULE, 43);
    // With a uniform prior, 1 of 1 gives P(p > 0.3) = 1 − 0.3² = 0.91 > 0.90: one patient can stop it.
    expect(table[0]).toEqual({ patients: 1, stopAt: 1 });
    for (let i = 1; i < table.length; i++) expect(table[i]!.stopAt!).toBeGreaterThanOrEqual(table[i - 1]!.stopAt!);
  });

  it("says whether the boundary is crossed, with the probability", () => {
    const n = 20;
    const stopAt = findToxicityBoundary(TRIAL_RULE, n)!;
    expect(checkToxicityBoundary(TRIAL_RULE, stopAt, n).crossed).toBe(true);
    const below = checkToxicityBoundary(TRIAL_RULE, stopAt - 1, n);
    expect(below.crossed).toBe(false);
    expect(below.probability).toBeLessThanOrEqual(0.9);
  });

  it("finds the boundary of a trial of 100,000 patients: crossed there, not one toxicity below", () => {
    for (const n of [100_000, 99_999, 12_345]) {
      const stopAt = findToxicityBoundary(TRIAL_RULE, n)!;
      expect(checkToxicityBoundary(TRIAL_RULE, stopAt, n).crossed).toBe(true);
      expect(checkToxicityBoundary(TRIAL_RULE, stopAt - 1, n).crossed).toBe(false);
    }
  });

  it("returns null when no count can stop the trial", () => {
    // A strong optimistic prior: even 1 of 1 leaves P(p > 0.5) small.
    expect(findToxicityBoundary({ theta: 0.5, threshold: 0.99, priorA: 1, priorB: 20 }, 1)).toBeNull();
  });

  it.each([
    TRIAL_RULE,
    { theta: 0.2, threshold: 0.8, priorA: 2, priorB: 5 },
    { theta: 0.33, threshold: 0.95, priorA: 1, priorB: 3 },
    { theta: 0.5, threshold: 0.99, priorA: 1, priorB: 20 },
    { theta: 0.1, threshold: 0.7, priorA: 0.5, priorB: 0.5 },
    { theta: 0.25, threshold: 0.975, priorA: 3, priorB: 1 },
  ])(
    "θ = $theta, c = $threshold, Beta($priorA, $priorB): each row of the 1,000-row table is findToxicityBoundary's",
    (rule) => {
      // The table scans each row from the row before's boundary; findToxicityBoundary halves [0, n].
      const table = tabulateToxicityBoundary(rule, MAX_BOUNDARY_TABLE_PATIENTS);
      const sampled = table.filter((row) => row.patients <= 60 || row.patients % 7 === 0);
      for (const row of sampled)
        expect(row.stopAt, `n = ${row.patients}`).toBe(findToxicityBoundary(rule, row.patients));
    },
  );

  it("the monitor's table covers the planned sample or the enrolled patients, at most 1,000 rows", () => {
    expect(boundaryTableLength(43, 12)).toBe(43);
    expect(boundaryTableLength(43, 60)).toBe(60);
    expect(boundaryTableLength(0, 0)).toBe(1);
    // A trial of 10,000 patients (the generated benchmark trial) once made the monitor throw.
    const rows = boundaryTableLength(43, 10_000);
    expect(rows).toBe(MAX_BOUNDARY_TABLE_PATIENTS);
    expect(tabulateToxicityBoundary(TRIAL_RULE, rows)).toHaveLength(1000);
    expect(() => tabulateToxicityBoundary(TRIAL_RULE, 10_000)).toThrow(CalcInputError);
  });
});
