import { describe, expect, it } from "vitest";
import { statisticsCalcCommands } from "./calc-commands";

/** Parses like the CLI, then runs. */
function runCommand(name: string, input: unknown): unknown {
  const command = statisticsCalcCommands[name];
  if (!command) throw new Error(`no command ${name}`);
  const parsed = command.input.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  return command.run(parsed.data as never);
}

const sample = { time: [6, 6, 6, 7, 10, 13, 16, 22, 23, 1, 1, 2, 2, 3, 4, 4, 5, 5], event: [1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] };

describe("statisticsCalcCommands", () => {
  it("registers logrank, cox and binom", () => {
    expect(Object.keys(statisticsCalcCommands).sort()).toEqual(["binom", "cox", "logrank"]);
  });

  it("logrank returns chisq, df, p and groups", () => {
    const group = sample.time.map((_, i) => (i < 9 ? "drug" : "placebo"));
    const result = runCommand("logrank", { ...sample, group }) as { chisq: number; df: number; p: number; groups: unknown[] };
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
    expect(() => runCommand("logrank", { time: [1, 2], event: [1], group: ["a", "b"] })).toThrow(/event: event has 1 values/);
    expect(() => runCommand("logrank", { time: [1, -2], event: [1, 1], group: ["a", "b"] })).toThrow(/time.1: time values must be >= 0/);
    expect(() => runCommand("logrank", { time: [1, 2], event: [1, 2], group: ["a", "b"] })).toThrow(/event.1: event values must be 0/);
    expect(() => runCommand("cox", { ...sample, covariates: { arm: [1, 0] } })).toThrow(/covariates.arm: covariates.arm has 2 values/);
    expect(() => runCommand("cox", { ...sample, covariates: {}, ties: "exact" })).toThrow(/ties must be efron or breslow/);
    expect(() => runCommand("binom", { successes: 5, n: 4 })).toThrow(/successes cannot exceed n/);
    expect(() => runCommand("binom", { successes: 1, n: 4, level: 0.9 })).toThrow(/level/);
  });

  it("rejects non-finite times (JSON cannot carry them, but a direct caller can)", () => {
    expect(() => runCommand("logrank", { time: [1, Number.POSITIVE_INFINITY], event: [1, 1], group: ["a", "b"] })).toThrow(/time.1/);
  });
});
