import { describe, expect, it } from "vitest";
import { computeAbsoluteChangeMm, computePercentChange, roundClinical } from "./percent-change";

describe("percent-change", () => {
  it("strips binary floating-point noise", () => {
    expect(roundClinical(-29.999999999999993)).toBe(-30);
    expect(roundClinical(4.999999999999998)).toBe(5);
    expect(Object.is(roundClinical(-0.0000000001), 0)).toBe(true);
  });
  it("keeps differences that a 0.1 mm measurement can produce", () => {
    // 1 / 10000 mm of sum: the smallest real gap from a cut-off (see module comment).
    expect(computePercentChange(10000, 7000.1)).toBeGreaterThan(-30);
  });
  it("is null from a zero reference", () => {
    expect(computePercentChange(0, 5)).toBeNull();
    expect(computePercentChange(50, 60)).toBe(20);
    expect(computeAbsoluteChangeMm(60.1, 65.1)).toBe(5);
  });
});
