/**
 * Percent changes of a sum of diameters, made safe for exact RECIST cut-offs.
 *
 * Why rounding: in binary floating point (71.4 - 102) / 102 * 100 is -29.999999999999993,
 * although 71.4 mm is exactly 70% of 102 mm, and 65.1 - 60.1 is 4.999999999999993 mm.
 * Compared raw, both would miss the cut-off that the clinician sees as met. We round every
 * percentage and millimetre difference to 6 decimals before comparing with >= / <=.
 * That is safe: diameters are recorded to 0.1 mm, so with sums up to 10 m a true
 * distance from a cut-off is at least 1e-4 percentage points (|100*C - 70*B| / B is a
 * multiple of 1 / B when B and C are multiples of 0.1), far above the 1e-6 we round away.
 */

const DECIMALS = 6;
const SCALE = 10 ** DECIMALS;

/** Rounds to 6 decimals to strip binary floating-point noise (and turns -0 into 0). */
export function roundClinical(value: number): number {
  return Math.round(value * SCALE) / SCALE + 0;
}

/**
 * Percent change from `referenceMm` to `currentMm` (negative = shrinkage), rounded to 6
 * decimals; null when the reference is 0 (change from nothing is undefined).
 */
export function computePercentChange(referenceMm: number, currentMm: number): number | null {
  if (referenceMm === 0) return null;
  return roundClinical(((currentMm - referenceMm) / referenceMm) * 100);
}

/** Absolute change in mm from `referenceMm` to `currentMm`, rounded to 6 decimals. */
export function computeAbsoluteChangeMm(referenceMm: number, currentMm: number): number {
  return roundClinical(currentMm - referenceMm);
}
