import { describe, expect, it } from "vitest";
import { isAtLeast, isGreater, isLess } from "./numeric-compare";

describe("tolerance-safe comparisons", () => {
  it("treats a floating-point product as equal to the exact decimal it stands for", () => {
    expect(1.5 * 1.2).not.toBe(1.8); // the hazard: 1.7999999999999998
    expect(isGreater(1.8, 1.5 * 1.2)).toBe(false);
    expect(isLess(1.5 * 1.2, 1.8)).toBe(false);
    expect(isAtLeast(1.5 * 1.2, 1.8)).toBe(true);
  });

  it("still separates values one lab digit apart", () => {
    expect(isGreater(1.81, 1.8)).toBe(true);
    expect(isLess(1.79, 1.8)).toBe(true);
    expect(isAtLeast(1.79, 1.8)).toBe(false);
    expect(isGreater(0.001, 0)).toBe(true);
  });

  it("is strict for equal numbers", () => {
    expect(isGreater(120, 120)).toBe(false);
    expect(isLess(0, 0)).toBe(false);
    expect(isAtLeast(0, 0)).toBe(true);
  });
});
