import { CalcInputError } from "../calc-command";
import { requireInteger } from "../validate-range";

/** Capsule accountability for one dispensing period. */
export interface ComplianceInput {
  /** Capsules dispensed. */
  dispensed: number;
  /** Capsules returned unused (<= dispensed). */
  returned: number;
  /** Capsules prescribed per day (e.g. 2 capsules x 2 doses = 4). */
  prescribedPerDay: number;
  /** Days in the period. */
  days: number;
}

/** Compliance as a percentage of prescribed capsules taken. */
export interface ComplianceResult {
  /** Unrounded; may exceed 100 (over-use or unreturned capsules), which is worth a query. */
  compliancePct: number;
  takenCapsules: number;
  prescribedCapsules: number;
}

/**
 * Compliance = (dispensed - returned) / (prescribedPerDay x days) x 100 (pill count).
 * Not capped at 100: a value above 100 is a data-quality signal, not a rounding artefact.
 * Throws CalcInputError naming the field for negative counts or returned > dispensed.
 */
export function computeCompliance(input: ComplianceInput): ComplianceResult {
  const dispensed = requireInteger(input.dispensed, "dispensed", 0);
  const returned = requireInteger(input.returned, "returned", 0);
  const days = requireInteger(input.days, "days", 1);
  if (!Number.isFinite(input.prescribedPerDay) || input.prescribedPerDay <= 0) {
    throw new CalcInputError("prescribedPerDay must be a positive number of capsules", "prescribedPerDay");
  }
  if (returned > dispensed) {
    throw new CalcInputError(`returned (${returned}) cannot exceed dispensed (${dispensed})`, "returned");
  }
  const takenCapsules = dispensed - returned;
  const prescribedCapsules = input.prescribedPerDay * days;
  return { compliancePct: (takenCapsules / prescribedCapsules) * 100, takenCapsules, prescribedCapsules };
}
