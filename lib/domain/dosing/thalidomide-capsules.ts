import { CalcInputError } from "../calc-command";
import type { ThalidomideDose } from "./thalidomide-dose";

/**
 * Thalidomide capsule strength in mg: trial-configured, not from the paper (docs/protocol.md). 50 mg capsules
 * make every configured level (100 mg twice daily down to 50 mg once daily) whole capsules.
 */
export const THALIDOMIDE_CAPSULE_MG = 50;

/** A thalidomide dose expressed in capsules, for dispensing and pill-count compliance. */
export interface ThalidomideCapsules {
  capsuleMg: number;
  capsulesPerDose: number;
  capsulesPerDay: number;
}

/**
 * Capsules per dose and per day for a thalidomide dose. Throws CalcInputError("capsuleMg")
 * when the dose is not a whole number of capsules: a fraction cannot be dispensed.
 */
export function computeThalidomideCapsules(
  dose: Pick<ThalidomideDose, "mgPerDose" | "dosesPerDay">,
  capsuleMg: number = THALIDOMIDE_CAPSULE_MG,
): ThalidomideCapsules {
  if (!(capsuleMg > 0)) throw new CalcInputError("capsuleMg must be a positive number of mg", "capsuleMg");
  const capsulesPerDose = dose.mgPerDose / capsuleMg;
  if (!Number.isInteger(capsulesPerDose) || capsulesPerDose < 1) {
    throw new CalcInputError(`${dose.mgPerDose} mg is not a whole number of ${capsuleMg} mg capsules`, "capsuleMg");
  }
  return { capsuleMg, capsulesPerDose, capsulesPerDay: capsulesPerDose * dose.dosesPerDay };
}
