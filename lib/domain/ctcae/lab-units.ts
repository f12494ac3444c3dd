import { CalcInputError } from "../calc-command";

/** Which conversion table a laboratory test's unit is read with. */
export type LabUnitFamily = "count" | "hemoglobin" | "bilirubin" | "creatinine" | "albumin" | "enzyme";

/** A unit a test accepts: its canonical spelling and how to reach the normalized unit. */
export interface LabUnit {
  /** Canonical spelling, e.g. "umol/L". */
  unit: string;
  /** normalized value = value / divisor (a divisor, so exact decimal ratios stay exact). */
  divisor: number;
}

/** The unit every test of the family is reported in after conversion. */
export const NORMALIZED_UNIT: Readonly<Record<LabUnitFamily, string>> = {
  count: "x10^9/L",
  hemoglobin: "g/dL",
  bilirubin: "mg/dL",
  creatinine: "mg/dL",
  albumin: "g/dL",
  enzyme: "U/L",
};

const COUNT_PER_LITRE: LabUnit = { unit: "x10^9/L", divisor: 1 };
// 10^3 cells per microlitre is 10^9 per litre; one cell per microlitre (= per mm3) is 10^-3 x10^9/L.
const COUNT_THOUSANDS_PER_UL: LabUnit = { unit: "x10^3/uL", divisor: 1 };
const COUNT_PER_UL: LabUnit = { unit: "/mm3", divisor: 1000 };

// Keys are spellings after `canonicalizeUnit` (lower case, no spaces, u for micro, ^ for powers).
const UNITS: Readonly<Record<LabUnitFamily, Readonly<Record<string, LabUnit>>>> = {
  count: {
    "x10^9/l": COUNT_PER_LITRE,
    "x10^3/ul": COUNT_THOUSANDS_PER_UL,
    "x10^3/mm3": COUNT_THOUSANDS_PER_UL,
    "k/ul": COUNT_THOUSANDS_PER_UL,
    "/mm3": COUNT_PER_UL,
    "cells/mm3": COUNT_PER_UL,
    "/ul": COUNT_PER_UL,
    "cells/ul": COUNT_PER_UL,
  },
  hemoglobin: {
    "g/dl": { unit: "g/dL", divisor: 1 },
    "g/l": { unit: "g/L", divisor: 10 },
    // Hb (monomer) 1 g/dL = 0.6206 mmol/L (CTCAE v5.0 prints the same thresholds: 10.0 g/dL ~ 6.2 mmol/L).
    "mmol/l": { unit: "mmol/L", divisor: 0.6206 },
  },
  bilirubin: {
    "mg/dl": { unit: "mg/dL", divisor: 1 },
    // Bilirubin 1 mg/dL = 17.1 umol/L (molar mass 584.7 g/mol).
    "umol/l": { unit: "umol/L", divisor: 17.1 },
  },
  creatinine: {
    "mg/dl": { unit: "mg/dL", divisor: 1 },
    // Creatinine 1 mg/dL = 88.4 umol/L (molar mass 113.12 g/mol).
    "umol/l": { unit: "umol/L", divisor: 88.4 },
  },
  albumin: {
    "g/dl": { unit: "g/dL", divisor: 1 },
    "g/l": { unit: "g/L", divisor: 10 },
  },
  enzyme: {
    "u/l": { unit: "U/L", divisor: 1 },
    "iu/l": { unit: "U/L", divisor: 1 },
  },
};

/** Lower-cases and removes spacing and typographic variants so "x 10⁹/L", "10e9/L", "10*9/L" meet. */
export function canonicalizeUnit(unit: string): string {
  return unit
    .normalize("NFKC") // folds superscript digits (⁹ -> 9) and the micro sign
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/[µμ]/g, "u")
    .replace(/mcmol/g, "umol")
    .replace(/[×*]/g, "x")
    .replace(/^x?10(?:\^|e|x)?([39])\//, "x10^$1/");
}

/** The accepted unit for this family, or throws `CalcInputError` on field "unit". */
export function resolveLabUnit(family: LabUnitFamily, unit: string): LabUnit {
  const resolved = UNITS[family][canonicalizeUnit(unit)];
  if (resolved === undefined) {
    throw new CalcInputError(
      `unit "${unit}" is not accepted here; use one of: ${listAcceptedUnits(family).join(", ")}`,
      "unit",
    );
  }
  return resolved;
}

/** Canonical spellings of the units a family accepts (for messages and documentation). */
export function listAcceptedUnits(family: LabUnitFamily): readonly string[] {
  return [...new Set(Object.values(UNITS[family]).map((u) => u.unit))];
}
