import { CalcInputError } from "../calc-command";
import { WEIGHT_KG_RANGE } from "./bsa";
import { requireInRange, snapFloat } from "../validate-range";

/**
 * Default weight change that triggers a BSA/dose recalculation: trial-configured (issue 4),
 * a common protocol convention, not a value from Shao et al. 2012 (docs/protocol.md) or a published standard.
 */
export const WEIGHT_CHANGE_THRESHOLD_PCT = 10;

/** Weight used for the current dose vs. weight now, both in kg. */
export interface WeightChangeInput {
  doseWeightKg: number;
  currentWeightKg: number;
  /** Default WEIGHT_CHANGE_THRESHOLD_PCT (10). */
  thresholdPct?: number;
}

/** Signed change from the dosing weight (negative = loss) and whether to recalculate. */
export interface WeightChangeResult {
  changePct: number;
  thresholdPct: number;
  /** True when |changePct| >= thresholdPct: exactly 10% triggers. */
  recalculate: boolean;
}

/**
 * Flags a weight change large enough to recalculate BSA and the UFT dose.
 * changePct = (currentWeightKg - doseWeightKg) / doseWeightKg x 100, snapped to remove float
 * noise so that exactly 10.0% (e.g. 70 -> 77 kg) triggers in both directions.
 */
export function checkWeightChange(input: WeightChangeInput): WeightChangeResult {
  const doseWeightKg = requireInRange(input.doseWeightKg, "doseWeightKg", WEIGHT_KG_RANGE, "kg");
  const currentWeightKg = requireInRange(input.currentWeightKg, "currentWeightKg", WEIGHT_KG_RANGE, "kg");
  const thresholdPct = input.thresholdPct ?? WEIGHT_CHANGE_THRESHOLD_PCT;
  if (!Number.isFinite(thresholdPct) || thresholdPct <= 0 || thresholdPct >= 100) {
    throw new CalcInputError("thresholdPct must be a percentage between 0 and 100", "thresholdPct");
  }
  const changePct = snapFloat(((currentWeightKg - doseWeightKg) / doseWeightKg) * 100);
  return { changePct, thresholdPct, recalculate: Math.abs(changePct) >= thresholdPct };
}
