import { CalcInputError } from "../calc-command";
import {
  LAB_CRITERIA,
  LAB_TESTS,
  type DecreasedBand,
  type DecreasedCriteria,
  type IncreasedCriteria,
  type LabGrade,
  type LabTest,
  type MultipleBand,
} from "./lab-criteria";
import { NORMALIZED_UNIT, resolveLabUnit, type LabUnit } from "./lab-units";
import { isAtLeast, isGreater, isLess } from "./numeric-compare";

/** One laboratory result to grade. LLN, ULN and baseline are in the same unit as `value`. */
export interface LabValueInput {
  test: LabTest;
  value: number;
  /** Unit of `value`, `lln`, `uln` and `baseline` (e.g. "x10^9/L", "/mm3", "umol/L", "g/L"). */
  unit: string;
  /** Lower limit of normal; required for the decreased tests (counts, haemoglobin, albumin). */
  lln?: number;
  /** Upper limit of normal; required for the increased tests (bilirubin, AST, ALT, ALP, creatinine). */
  uln?: number;
  /** The patient's pre-treatment value; used by bilirubin, AST, ALT, ALP and creatinine only. */
  baseline?: number;
  /**
   * Why `baseline` is absent, for the basis text: "missing" (an on-treatment sample with no
   * pre-treatment value) or "pre-treatment" (the sample is itself a baseline). Default: not given.
   */
  baselineAbsence?: "missing" | "pre-treatment";
}

/** The CTCAE v5.0 grade of a laboratory value and the rule that gave it. */
export interface LabGradeResult {
  grade: LabGrade;
  /** CTCAE v5.0 term, e.g. "Platelet count decreased". */
  term: string;
  /** The CTCAE criterion applied, e.g. "<50.0 - 25.0 x10^9/L" or ">3.0 - 5.0 x ULN (baseline normal)". */
  basis: string;
  /** `value` converted to `normalizedUnit`. */
  normalizedValue: number;
  /** x10^9/L for counts, g/dL for haemoglobin and albumin, mg/dL for bilirubin and creatinine, U/L for enzymes. */
  normalizedUnit: string;
}

/**
 * Grades a laboratory value by CTCAE v5.0 (27 Nov 2017). Grade 0 means not abnormal in the
 * direction the term grades (e.g. a high platelet count is grade 0 for "Platelet count decreased").
 * Throws `CalcInputError` (with the field) for an unknown test or unit, a missing normal limit,
 * or an impossible number.
 */
export function gradeLabValue(input: LabValueInput): LabGradeResult {
  const criteria = LAB_TESTS.includes(input.test) ? LAB_CRITERIA[input.test] : undefined;
  if (criteria === undefined) {
    throw new CalcInputError(`unknown test "${String(input.test)}"; use one of: ${LAB_TESTS.join(", ")}`, "test");
  }
  requireNonNegative(input.value, "value");
  const unit = resolveLabUnit(criteria.family, input.unit);
  const graded =
    criteria.kind === "decreased" ? gradeDecreased(criteria, unit, input) : gradeIncreased(criteria, input);
  return {
    grade: graded.grade,
    term: criteria.term,
    basis: graded.basis,
    normalizedValue: input.value / unit.divisor,
    normalizedUnit: NORMALIZED_UNIT[criteria.family],
  };
}

interface Graded {
  grade: LabGrade;
  basis: string;
}

function gradeDecreased(criteria: DecreasedCriteria, unit: LabUnit, input: LabValueInput): Graded {
  const lln = requirePositive(input.lln, "lln");
  if (input.uln !== undefined && !isGreater(requirePositive(input.uln, "uln"), lln)) {
    throw new CalcInputError("uln must be greater than lln", "uln");
  }
  // Cut-offs CTCAE prints in this very unit are applied as printed; otherwise the value and LLN
  // are converted to the normalized unit the bands are written in.
  const native = criteria.nativeBands?.unit === unit.unit ? criteria.nativeBands : undefined;
  const bands: readonly DecreasedBand[] = native?.bands ?? criteria.bands;
  const divisor = native === undefined ? unit.divisor : 1;
  const value = input.value / divisor;
  // Fixed cut-offs win over LLN: with an unusually low LLN (e.g. 1.4 x10^9/L neutrophils) a value
  // of 1.45 is still "<1.5 - 1.0", grade 2, as CTCAE prints it.
  for (const band of bands) {
    if (isLess(value, band.below)) return { grade: band.grade, basis: band.basis };
  }
  if (isLess(value, lln / divisor)) return { grade: 1, basis: native?.grade1Basis ?? criteria.grade1Basis };
  return { grade: 0, basis: ">=LLN (not decreased)" };
}

// "Baseline abnormal" means baseline > ULN: the increased terms only concern values above the
// normal range, so a baseline inside it is "normal". A missing baseline is treated as normal and
// said so in the basis, because most trial patients start within range and ULN is always known.
function gradeIncreased(criteria: IncreasedCriteria, input: LabValueInput): Graded {
  const uln = requirePositive(input.uln, "uln");
  if (input.lln !== undefined) requireNonNegative(input.lln, "lln");
  const baseline = input.baseline === undefined ? undefined : requirePositive(input.baseline, "baseline");
  // Ratios are taken in the input unit: LLN, ULN and baseline share it, so no conversion error enters.
  const byUln = gradeByMultiple(criteria.ulnBands, input.value, uln, "<=ULN (not increased)");

  if (criteria.baselineRule === "worse-of") {
    if (baseline === undefined)
      return { ...byUln, basis: `${byUln.basis} (${absentBaseline(input.baselineAbsence, "baseline not given")})` };
    const byBaseline = gradeByMultiple(criteria.baselineBands, input.value, baseline, "not increased");
    return byBaseline.grade > byUln.grade ? byBaseline : byUln;
  }

  if (baseline === undefined) {
    return {
      ...byUln,
      basis: `${byUln.basis} (${absentBaseline(input.baselineAbsence, "baseline not given; assumed normal")})`,
    };
  }
  if (!isGreater(baseline, uln)) return { ...byUln, basis: `${byUln.basis} (baseline normal)` };
  const byBaseline = gradeByMultiple(
    criteria.baselineBands,
    input.value,
    baseline,
    describeBelow(criteria.baselineBands, "baseline"),
  );
  return { ...byBaseline, basis: `${byBaseline.basis} (baseline abnormal: >ULN)` };
}

function absentBaseline(absence: LabValueInput["baselineAbsence"], notGiven: string): string {
  if (absence === "missing") return "no pre-treatment baseline: graded as if normal";
  if (absence === "pre-treatment") return "pre-treatment sample: graded against ULN";
  return notGiven;
}

function gradeByMultiple(
  bands: readonly MultipleBand[],
  value: number,
  reference: number,
  gradeZeroBasis: string,
): Graded {
  for (const band of bands) {
    const limit = band.multiple * reference;
    const reached = band.inclusive ? isAtLeast(value, limit) : isGreater(value, limit);
    if (reached) return { grade: band.grade, basis: band.basis };
  }
  return { grade: 0, basis: gradeZeroBasis };
}

// Grade-0 basis under the lowest band, e.g. "<1.5 x baseline (not increased)" for AST.
function describeBelow(bands: readonly MultipleBand[], reference: string): string {
  const lowest = bands[bands.length - 1];
  if (lowest === undefined) return "not increased";
  const bound = `${lowest.inclusive ? "<" : "<="}${lowest.multiple.toFixed(1)} x ${reference}`;
  return `${bound} (not increased)`;
}

function requireNonNegative(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new CalcInputError(`${field} must be a finite number >= 0`, field);
  }
  return value;
}

function requirePositive(value: number | undefined, field: string): number {
  if (value === undefined) throw new CalcInputError(`${field} is required for this test`, field);
  if (!Number.isFinite(value) || value <= 0) throw new CalcInputError(`${field} must be a finite number > 0`, field);
  return value;
}
