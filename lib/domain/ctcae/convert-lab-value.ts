import { LAB_CRITERIA, type LabTest } from "./lab-criteria";
import { resolveLabUnit } from "./lab-units";

/**
 * Converts a laboratory value of `test` from one accepted unit to another with the same
 * conversion table the grading uses (e.g. a baseline bilirubin in umol/L compared with a
 * value in mg/dL). Throws CalcInputError("unit") for a unit the test does not accept.
 */
export function convertLabValue(test: LabTest, value: number, fromUnit: string, toUnit: string): number {
  const family = LAB_CRITERIA[test].family;
  const from = resolveLabUnit(family, fromUnit);
  const to = resolveLabUnit(family, toUnit);
  return from.divisor === to.divisor ? value : (value / from.divisor) * to.divisor;
}
