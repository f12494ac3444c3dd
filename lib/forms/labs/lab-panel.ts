import { convertLabValue } from "@/lib/domain/ctcae/convert-lab-value";
import { LAB_CRITERIA, type LabTest } from "@/lib/domain/ctcae/lab-criteria";
import { listAcceptedUnits } from "@/lib/domain/ctcae/lab-units";

/** A test on the laboratory form: its CTCAE identifier, the label, and default unit and range. */
export interface PanelTest {
  test: LabTest;
  label: string;
  defaultUnit: string;
  /**
   * Typical adult reference range in `defaultUnit`: a starting value only. Each site types its
   * own laboratory's limits; CTCAE grades against the site's LLN/ULN, never against these.
   */
  lln: number;
  uln: number;
}

// The order clinicians read a panel in: blood counts, then liver, then kidney and albumin.
export const LAB_PANEL: readonly PanelTest[] = [
  { test: "neutrophils", label: "Neutrophils (ANC)", defaultUnit: "x10^9/L", lln: 1.8, uln: 7.5 },
  { test: "platelets", label: "Platelets", defaultUnit: "x10^9/L", lln: 150, uln: 400 },
  { test: "hemoglobin", label: "Hemoglobin", defaultUnit: "g/dL", lln: 12, uln: 16 },
  { test: "wbc", label: "White blood cells (WBC)", defaultUnit: "x10^9/L", lln: 4, uln: 11 },
  { test: "bilirubin", label: "Total bilirubin", defaultUnit: "mg/dL", lln: 0.3, uln: 1.2 },
  { test: "ast", label: "AST", defaultUnit: "U/L", lln: 10, uln: 40 },
  { test: "alt", label: "ALT", defaultUnit: "U/L", lln: 7, uln: 40 },
  { test: "alp", label: "Alkaline phosphatase (ALP)", defaultUnit: "U/L", lln: 40, uln: 130 },
  { test: "creatinine", label: "Creatinine", defaultUnit: "mg/dL", lln: 0.6, uln: 1.2 },
  { test: "albumin", label: "Albumin", defaultUnit: "g/dL", lln: 3.5, uln: 5 },
];

/** Units the CTCAE grading accepts for `test` (lib/domain/ctcae/lab-units). */
export function listTestUnits(test: LabTest): readonly string[] {
  return listAcceptedUnits(LAB_CRITERIA[test].family);
}

/**
 * Which normal limit CTCAE v5.0 needs for the test: LLN for the "decreased" terms (counts,
 * anemia, hypoalbuminemia), ULN for the "increased" terms (bilirubin, enzymes, creatinine).
 */
export function requiredLimit(test: LabTest): "lln" | "uln" {
  return LAB_CRITERIA[test].kind === "decreased" ? "lln" : "uln";
}

/** The default range of `test` in `unit` (converted from its default unit, 3 significant digits). */
export function defaultRange(test: LabTest, unit: string): { lln: number; uln: number } {
  const panel = LAB_PANEL.find((p) => p.test === test)!;
  const convert = (value: number) => Number(convertLabValue(test, value, panel.defaultUnit, unit).toPrecision(3));
  return { lln: convert(panel.lln), uln: convert(panel.uln) };
}
