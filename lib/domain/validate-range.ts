import { CalcInputError } from "./calc-command";

/** An inclusive plausibility range, in the unit named by the field. */
export interface NumericRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Returns `value` if it is a finite number inside `range`, else throws CalcInputError naming
 * `field`. Plausibility ranges exist to catch unit slips (metres typed as cm, pounds as kg)
 * before they become a dose.
 */
export function requireInRange(value: number, field: string, range: NumericRange, unit: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new CalcInputError(`${field} must be a finite number (${unit})`, field);
  }
  if (value < range.min || value > range.max) {
    throw new CalcInputError(
      `${field} = ${value} ${unit} is outside the plausible range ${range.min}-${range.max} ${unit}`,
      field,
    );
  }
  return value;
}

/** Returns `value` if it is an integer >= `min`, else throws CalcInputError naming `field`. */
export function requireInteger(value: number, field: string, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new CalcInputError(`${field} must be a whole number >= ${min}`, field);
  }
  return value;
}

/**
 * Removes binary floating-point noise (e.g. 51.3 / 17.1 = 2.9999999999999996) before a value
 * is compared with a clinical cut-off, so that an exact boundary lands on the side the rule
 * says. 1e-9 is far below any clinical measurement resolution.
 */
export function snapFloat(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
