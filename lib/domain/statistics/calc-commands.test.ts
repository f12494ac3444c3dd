import { describe, expect, it } from "vitest";
import { statisticsCalcCommands } from "./calc-commands";

/** Parses like the CLI, then runs. */
function runCommand(name: string, input: unknown): unknown {
  const command = statisticsCalcCommands[name];
  if (!command) throw new Error(`no command ${name}`);
  const parsed = command.input.safeParse(input);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  return command.run(parsed.data as never);
}

const sample = {
  time: [6, 6, 6, 7, 10, 13, 16, 22, 23, 1, 1, 2, 2, 3, 4, 4, 5, 5],
  event: [1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
};

describe("statisticsCalcCommands", () => {
  it("registers logrank, cox, binom, simon and toxicity-boundary", () => {
    expect(Object.keys(statisticsCalcCommands).sort()).toEqual([
      "binom",
      "cox",
      "logrank",
      "simon",
      "toxicity-boundary",
    ]);
  });

  it("simon returns the optimal and minimax designs with their exact figures", () => {
    const result = runCommand("simon", { p0: 0.1, p1: 0.3, alpha: 0.05, beta: 0.2 }) as Record<
      "optimal" | "minimax",
      Record<string, number>
    >;
    // Simon R. Control Clin Trials 1989;10:1-10, Table 1.
    expect(result.optimal).toMatchObject({ r1: 1, n1: 10, r: 5, n: 29 });
    expect(result.minimax).toMatchObject({ r1: 1, n1: 15, r: 5, n: 25 });
    expect(Object.keys(result.optimal).sort()).toEqual(["alpha", "en0", "n", "n1", "pet0", "power", "r", "r1"]);
  });

  it("toxicity-boundary tabulates the boundary and checks a count", () => {
    const result = runCommand("toxicity-boundary", {
      theta: 0.3,
      threshold: 0.9,
      maxPatients: 10,
      patients: 10,
      toxicities: 6,
    }) as {
      boundary: { patients: number; stopAt: number | null }[];
      check: { probability: number; crossed: boolean };
    };
    expect(result.boundary).toHaveLength(10);
    const stopAt10 = result.boundary[9]!.stopAt!;
    expect(result.check.crossed).toBe(6 >= stopAt10);
    expect(result.check.probability).toBeGreaterThan(0.9);
  });

  it("logrank returns chisq, df, p and groups", () => {
    const group = sample.time.map((_, i) => (i < 9 ? "drug" : "placebo"));
    const result = runCommand("logrank", { ...sample, group }) as {
      chisq: number;
      df: number;
      p: number;
      groups: unknown[];
    };
    expect(result.df).toBe(1);
    expect(result.chisq).toBeGreaterThan(3.84);
    expect(result.p).toBeLessThan(0.05);
    expect(result.groups).toHaveLength(2);
  });

  it("cox returns terms with hazard ratio and CI, logLik and the LR test", () => {
    const arm = sample.time.map((_, i) => (i < 9 ? 0 : 1));
    const result = runCommand("cox", { ...sample, covariates: { arm }, ties: "breslow" }) as {
      terms: { name: string; hr: number; lower: number; upper: number; p: number }[];
      logLik: number;
      lrChisq: number;
      lrP: number;
    };
    const term = result.terms[0];
    expect(term?.name).toBe("arm");
    expect(term?.hr).toBeGreaterThan(1);
    expect(term?.lower).toBeLessThan(term?.hr ?? 0);
    expect(term?.upper).toBeGreaterThan(term?.hr ?? 0);
    expect(result.lrChisq).toBeGreaterThan(0);
    expect(result.lrP).toBeLessThan(0.05);
  });

  it("binom returns the Clopper-Pearson interval", () => {
    const result = runCommand("binom", { successes: 18, n: 43 }) as { estimate: number; lower: number; upper: number };
    expect(result.estimate).toBeCloseTo(18 / 43, 14);
    // R: binom.test(18, 43)$conf.int = 0.2701141 0.5787304
    expect(result.lower).toBeCloseTo(0.2701141, 7);
    expect(result.upper).toBeCloseTo(0.5787304, 7);
  });

  it("rejects bad input with field messages", () => {
    expect(() => runCommand("logrank", { time: [1, 2], event: [1], group: ["a", "b"] })).toThrow(
      /event: event has 1 values/,
    );
    expect(() => runCommand("logrank", { time: [1, -2], event: [1, 1], group: ["a", "b"] })).toThrow(
      /time.1: time values must be >= 0/,
    );
    expect(() => runCommand("logrank", { time: [1, 2], event: [1, 2], group: ["a", "b"] })).toThrow(
      /event.1: event values must be 0/,
    );
    expect(() => runCommand("cox", { ...sample, covariates: { arm: [1, 0] } })).toThrow(
      /covariates.arm: covariates.arm has 2 values/,
    );
    expect(() => runCommand("cox", { ...sample, covariates: {}, ties: "exact" })).toThrow(
      /ties must be efron or breslow/,
    );
    expect(() => runCommand("binom", { successes: 5, n: 4 })).toThrow(/successes cannot exceed n/);
    expect(() => runCommand("binom", { successes: 1, n: 4, level: 0.9 })).toThrow(/level/);
    expect(() => runCommand("simon", { p0: 0.3, p1: 0.1, alpha: 0.05, beta: 0.2 })).toThrow(
      /p1: p1 must be greater than p0/,
    );
    expect(() => runCommand("simon", { p0: 0.1, p1: 0.3, alpha: 0.05, beta: 0.2, nMax: 1000 })).toThrow(/nMax/);
    expect(() => runCommand("toxicity-boundary", { theta: 0.3, threshold: 0.9, maxPatients: 5, patients: 3 })).toThrow(
      /toxicities: give both/,
    );
    expect(() =>
      runCommand("toxicity-boundary", { theta: 0.3, threshold: 0.9, maxPatients: 5, patients: 3, toxicities: 4 }),
    ).toThrow(/toxicities cannot exceed/);
  });

  it("rejects non-finite times (JSON cannot carry them, but a direct caller can)", () => {
    expect(() =>
      runCommand("logrank", { time: [1, Number.POSITIVE_INFINITY], event: [1, 1], group: ["a", "b"] }),
    ).toThrow(/time.1/);
  });
});
