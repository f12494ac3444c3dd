/**
 * Tolerance-safe comparisons for CTCAE cut-offs.
 *
 * Why: cut-offs such as "1.5 x ULN" are products computed in binary floating point, and
 * 1.5 * 1.2 is 1.7999999999999998, so a bilirubin of exactly 1.8 mg/dL would look "above
 * 1.5 x ULN" and be graded 2 instead of 1. Lab values carry at most 4-5 significant digits, so
 * two numbers within a relative 1e-9 of each other are the same measurement: they are treated
 * as equal, and each CTCAE bound then keeps the inclusive/exclusive sense printed in the table
 * (">3.0 - 5.0 x ULN": strictly above 3.0 x ULN, up to and including 5.0 x ULN;
 * "<50.0 - 25.0": below 50.0, down to and including 25.0).
 */
const RELATIVE_TOLERANCE = 1e-9;

function tolerance(a: number, b: number): number {
  return RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}

/** `a > b`, with numbers within the tolerance counted as equal (so not greater). */
export function isGreater(a: number, b: number): boolean {
  return a - b > tolerance(a, b);
}

/** `a < b`, with numbers within the tolerance counted as equal (so not less). */
export function isLess(a: number, b: number): boolean {
  return b - a > tolerance(a, b);
}

/** `a >= b`, with numbers within the tolerance counted as equal. */
export function isAtLeast(a: number, b: number): boolean {
  return !isLess(a, b);
}
