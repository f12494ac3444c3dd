import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import reference from "./fixtures/logrank-reference.json";
import { compareSurvivalLogRank } from "./log-rank";
import { expectClose } from "./test-tolerance";

describe("compareSurvivalLogRank against R survdiff (rho = 0)", () => {
  it.each(reference.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const result = compareSurvivalLogRank({ time: c.time, event: c.event, group: c.group });
    expect(result.df).toBe(c.df);
    expectClose(result.chisq, c.chisq, 1e-6, "chisq");
    expectClose(result.p, c.p, 1e-6, "p");
    expect(result.groups.map((g) => g.group)).toEqual([...c.groups.map((g) => g.group)].sort(compareForTest));
    for (const expected of c.groups) {
      const actual = result.groups.find((g) => g.group === expected.group);
      expect(actual, `group ${expected.group}`).toBeDefined();
      expect(actual?.n).toBe(expected.n);
      expect(actual?.observed).toBe(expected.observed);
      expectClose(actual?.expected ?? Number.NaN, expected.expected, 1e-6, `expected in ${expected.group}`);
    }
    // Observed and expected totals agree by construction.
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expectClose(
      sum(result.groups.map((g) => g.expected)),
      sum(result.groups.map((g) => g.observed)),
      1e-9,
      "O = E total",
    );
  });
});

function compareForTest(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

describe("compareSurvivalLogRank by hand", () => {
  it("matches a two-by-two hand calculation", () => {
    // t=1: 4 at risk (2 A, 2 B), 1 death in A: E_A = 0.5, V = 1*3/3 * 0.5*0.5 = 0.25
    // t=2: 3 at risk (1 A, 2 B), 1 death in B: E_A = 1/3, V = 1*2/2 * (1/3)(2/3) = 2/9
    const result = compareSurvivalLogRank({ time: [1, 2, 3, 4], event: [1, 1, 0, 0], group: ["A", "B", "A", "B"] });
    const expectedA = 0.5 + 1 / 3;
    const varianceA = 0.25 + 2 / 9;
    expectClose(result.groups[0]?.expected ?? Number.NaN, expectedA, 1e-12, "E_A");
    expectClose(result.chisq, (1 - expectedA) ** 2 / varianceA, 1e-12, "chisq");
    expect(result.df).toBe(1);
  });

  it("gives chisq 0 and p 1 for identical groups", () => {
    const result = compareSurvivalLogRank({ time: [1, 1, 2, 2], event: [1, 1, 0, 0], group: [0, 1, 0, 1] });
    expect(result.chisq).toBeCloseTo(0, 12);
    expect(result.p).toBeCloseTo(1, 12);
  });

  it("rejects all-censored data, a single group, and mismatched lengths", () => {
    expect(() => compareSurvivalLogRank({ time: [1, 2], event: [0, 0], group: [1, 2] })).toThrow(/at least one event/);
    expect(() => compareSurvivalLogRank({ time: [1, 2], event: [1, 1], group: [1, 1] })).toThrow(/two groups/);
    expect(() => compareSurvivalLogRank({ time: [1, 2], event: [1, 1], group: [1] })).toThrow(CalcInputError);
    expect(() => compareSurvivalLogRank({ time: [1, -2], event: [1, 1], group: [1, 2] })).toThrow(/time\[1\]/);
    expect(() => compareSurvivalLogRank({ time: [1, 2], event: [1, 2], group: [1, 2] })).toThrow(/event\[1\]/);
  });
});
