import { CalcInputError } from "../calc-command";
import { requireInRange, snapFloat, type NumericRange } from "../validate-range";

/** The BSA formulas accepted by computeBsa, default first. */
export const BSA_METHODS = ["mosteller", "dubois"] as const;

/** Supported BSA formulas. Mosteller is the default. */
export type BsaMethod = (typeof BSA_METHODS)[number];

/**
 * Adult plausibility ranges (trial-configured, not from a published standard). Wide enough for
 * any adult in an HCC trial; narrow enough that metres (1.7), inches (67) for height below 100,
 * or pounds above 250 are refused rather than dosed.
 */
export const HEIGHT_CM_RANGE: NumericRange = { min: 100, max: 230 };
/** Adult weight plausibility range in kg (trial-configured). */
export const WEIGHT_KG_RANGE: NumericRange = { min: 25, max: 250 };
/** BSA accepted when given directly; spans what the height/weight ranges can produce (0.80-4.00 m2). */
export const BSA_M2_RANGE: NumericRange = { min: 0.5, max: 4.0 };

/** Input to computeBsa: height in cm, weight in kg, optional formula (default "mosteller"). */
export interface BsaInput {
  heightCm: number;
  weightKg: number;
  method?: BsaMethod;
}

/** BSA in m2 at full floating-point precision, and the formula that produced it. */
export interface BsaResult {
  bsaM2: number;
  method: BsaMethod;
}

/**
 * Computes body surface area. The result is NOT rounded: doses are computed from the
 * full-precision BSA, and `roundBsaForDisplay` gives the 2-decimal value for screens and forms.
 * Throws CalcInputError (field "heightCm", "weightKg" or "method") for implausible input.
 */
export function computeBsa(input: BsaInput): BsaResult {
  const heightCm = requireInRange(input.heightCm, "heightCm", HEIGHT_CM_RANGE, "cm");
  const weightKg = requireInRange(input.weightKg, "weightKg", WEIGHT_KG_RANGE, "kg");
  const method = input.method ?? "mosteller";
  switch (method) {
    case "mosteller":
      // Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317:1098
      return { bsaM2: Math.sqrt((heightCm * weightKg) / 3600), method };
    case "dubois":
      // DuBois D, DuBois EF. A formula to estimate the approximate surface area if height and
      // weight be known. Arch Intern Med 1916;17:863-871: BSA = 0.007184 x W^0.425 x H^0.725
      return { bsaM2: 0.007184 * weightKg ** 0.425 * heightCm ** 0.725, method };
    default:
      throw new CalcInputError(`method must be one of ${BSA_METHODS.join(", ")}`, "method");
  }
}

/** Validates a BSA given directly (m2) against BSA_M2_RANGE; throws CalcInputError("bsaM2"). */
export function validateBsaM2(bsaM2: number): number {
  return requireInRange(bsaM2, "bsaM2", BSA_M2_RANGE, "m2");
}

/** Rounds a BSA to 2 decimals (halves up) for display only; never feed the result to a dose. */
export function roundBsaForDisplay(bsaM2: number): number {
  return Math.round(snapFloat(bsaM2 * 100)) / 100;
}
