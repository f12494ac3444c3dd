import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { computeCriticalZ, computeNormalQuantile } from "./normal-quantile";

describe("computeNormalQuantile (AS 241), against R 4.2.2 qnorm", () => {
  it.each([
    [0.975, 1.9599639845400536],
    [0.95, 1.6448536269514715],
    [0.995, 2.5758293035488999],
    [0.99995, 3.8905918864131199],
    [0.6, 0.25334710313579978],
    [0.3, -0.52440051270804067],
    [1e-9, -5.9978070150076865],
    [0.5, 0],
  ])("qnorm(%d) = %d", (p, z) => {
    expect(computeNormalQuantile(p)).toBeCloseTo(z, 14);
  });

  it("rejects the far tails and non-probabilities", () => {
    expect(() => computeNormalQuantile(0)).toThrow(CalcInputError);
    expect(() => computeNormalQuantile(1e-12)).toThrow(CalcInputError);
    expect(() => computeNormalQuantile(Number.NaN)).toThrow(CalcInputError);
  });
});

describe("computeCriticalZ", () => {
  it("gives z_{0.975} for a 95% interval and bounds the level", () => {
    expect(computeCriticalZ(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(computeCriticalZ(0.5)).toBeCloseTo(0.6744897501960817, 14);
    expect(() => computeCriticalZ(0.49)).toThrow(CalcInputError);
    expect(() => computeCriticalZ(1)).toThrow(CalcInputError);
  });
});
