import { CalcInputError } from "../calc-command";

/** ECOG performance status grade. */
export type EcogPs = 0 | 1 | 2 | 3 | 4 | 5;

/**
 * ECOG performance status. Oken MM et al. Toxicity and response criteria of the Eastern
 * Cooperative Oncology Group. Am J Clin Oncol 1982;5:649-655.
 */
export const ECOG_PERFORMANCE_STATUS: Readonly<Record<EcogPs, string>> = {
  0: "Fully active, able to carry on all pre-disease performance without restriction",
  1: "Restricted in physically strenuous activity but ambulatory and able to carry out work of a light or sedentary nature, e.g., light house work, office work",
  2: "Ambulatory and capable of all selfcare but unable to carry out any work activities. Up and about more than 50% of waking hours",
  3: "Capable of only limited selfcare, confined to bed or chair more than 50% of waking hours",
  4: "Completely disabled. Cannot carry on any selfcare. Totally confined to bed or chair",
  5: "Dead",
};

/** True when `value` is an integer 0-5. */
export function isEcogPs(value: unknown): value is EcogPs {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 5;
}

/** Returns `value` as an ECOG grade, or throws CalcInputError naming `field` (default "ecogPs"). */
export function validateEcogPs(value: unknown, field = "ecogPs"): EcogPs {
  if (!isEcogPs(value)) throw new CalcInputError(`${field} must be a whole number from 0 to 5 (ECOG)`, field);
  return value;
}

/** The Oken 1982 description of an ECOG grade. */
export function describeEcogPs(ecogPs: EcogPs): string {
  return ECOG_PERFORMANCE_STATUS[validateEcogPs(ecogPs)];
}
