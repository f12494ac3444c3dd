import { describe, expect, it } from "vitest";
import { computeSurvivalCi, type PointwiseConfType } from "./confidence-interval";

const Z = 1.959963984540054;
const TYPES: PointwiseConfType[] = ["log", "log-log", "plain"];

describe("computeSurvivalCi", () => {
  it.each(TYPES)("%s: S = 1 gives [1, 1]", (type) => {
    expect(computeSurvivalCi(1, 0, type, Z)).toEqual({ lower: 1, upper: 1 });
  });

  it.each(TYPES)("%s: S = 0 or an undefined SE gives null bounds (R: NA)", (type) => {
    expect(computeSurvivalCi(0, null, type, Z)).toEqual({ lower: null, upper: null });
    expect(computeSurvivalCi(0.4, null, type, Z)).toEqual({ lower: null, upper: null });
  });

  it("plain is S -/+ z SE, clipped to [0, 1]", () => {
    const ci = computeSurvivalCi(0.5, 0.1, "plain", Z);
    expect(ci.lower).toBeCloseTo(0.5 - Z * 0.1, 14);
    expect(ci.upper).toBeCloseTo(0.5 + Z * 0.1, 14);
    expect(computeSurvivalCi(0.9, 0.1, "plain", Z).upper).toBe(1);
    expect(computeSurvivalCi(0.1, 0.1, "plain", Z).lower).toBe(0);
  });

  it("log is S exp(-/+ z SE/S), upper clipped at 1, never below 0", () => {
    const ci = computeSurvivalCi(0.5, 0.1, "log", Z);
    expect(ci.lower).toBeCloseTo(0.5 * Math.exp(-Z * 0.2), 14);
    expect(ci.upper).toBeCloseTo(0.5 * Math.exp(Z * 0.2), 14);
    expect(computeSurvivalCi(0.9, 0.1, "log", Z).upper).toBe(1);
    expect(computeSurvivalCi(0.05, 0.05, "log", Z).lower).toBeGreaterThan(0);
  });

  it("log-log stays inside (0, 1) and is asymmetric around S", () => {
    const ci = computeSurvivalCi(0.9, 0.08, "log-log", Z);
    expect(ci.lower).toBeGreaterThan(0);
    expect(ci.upper).toBeLessThan(1);
    expect((ci.upper as number) - 0.9).toBeLessThan(0.9 - (ci.lower as number));
    // S = 5/6 with Greenwood SE from 6 at risk, 1 death; R survfit: 0.273122849928356, 0.974712426690894
    const hand = computeSurvivalCi(5 / 6, (5 / 6) * Math.sqrt(1 / 30), "log-log", Z);
    expect(hand.lower).toBeCloseTo(0.273122849928356, 12);
    expect(hand.upper).toBeCloseTo(0.974712426690894, 12);
  });
});
