import { expect } from "vitest";

/**
 * Asserts |actual − expected| <= tolerance × max(1, |expected|): absolute near zero,
 * relative for large values (the brief's 1e-6 "relative where values are large").
 */
export function expectClose(actual: number, expected: number, tolerance = 1e-6, label = ""): void {
  const allowed = tolerance * Math.max(1, Math.abs(expected));
  const message = `${label}: expected ${expected}, got ${actual}`;
  expect(Number.isFinite(actual), message).toBe(true);
  expect(Math.abs(actual - expected) <= allowed, message).toBe(true);
}

/** Asserts a relative error <= tolerance (for tail probabilities that are tiny but meaningful). */
export function expectRelativelyClose(actual: number, expected: number, tolerance: number, label = ""): void {
  const message = `${label}: expected ${expected}, got ${actual}`;
  if (expected === 0) {
    expect(actual, message).toBe(0);
    return;
  }
  expect(Math.abs(actual - expected) / Math.abs(expected) <= tolerance, message).toBe(true);
}
