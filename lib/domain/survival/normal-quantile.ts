import { CalcInputError } from "../calc-command";
import { computeNormalQuantile } from "../statistics/normal-distribution";

/** Two-sided critical value z_{1 - alpha/2} for a confidence level such as 0.95 (0.5 to 0.9999). */
export function computeCriticalZ(confLevel: number): number {
  if (!(confLevel >= 0.5 && confLevel <= 0.9999)) {
    throw new CalcInputError(`confLevel must be between 0.5 and 0.9999, got ${confLevel}`, "confLevel");
  }
  return computeNormalQuantile(1 - (1 - confLevel) / 2);
}
