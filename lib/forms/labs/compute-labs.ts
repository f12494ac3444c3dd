import { CalcInputError } from "@/lib/domain/calc-command";
import { convertLabValue } from "@/lib/domain/ctcae/convert-lab-value";
import { gradeLabValue } from "@/lib/domain/ctcae/grade-lab-value";
import { LAB_CRITERIA, LAB_TESTS, type LabTest } from "@/lib/domain/ctcae/lab-criteria";
import { choosePreTreatmentBaseline, treatmentStartOf } from "@/lib/domain/ctcae/pre-treatment-baseline";
import { DEFAULT_SCHEDULE } from "@/lib/domain/schedule/visit-schedule";
import type { FormContext } from "@/lib/forms/form-definition";
import type { LabsData } from "./labs-schema";
import { ISO_DATE_PATTERN } from "@/lib/domain/iso-date";

/** The CTCAE v5.0 grade of one result, and the pre-treatment baseline it was graded against (if any). */
export interface GradedLab {
  grade: number;
  term: string;
  basis: string;
  normalizedValue: number;
  normalizedUnit: string;
  /** The last pre-treatment value of this test, in this result's unit (liver tests, creatinine). */
  baselineValue: number | null;
  /** The sample date of that value. */
  baselineDate?: string | null;
}

/**
 * Where the results stand against treatment (lib/domain/ctcae/pre-treatment-baseline):
 * "pre-treatment" samples are baselines themselves; an on-treatment sample is "complete" when
 * every baseline-graded result had a pre-treatment value and "missing" otherwise (listed on the
 * data-quality page). `sources` are the records the baselines came from.
 */
export interface LabsBaseline {
  status: "pre-treatment" | "complete" | "missing";
  treatmentStart: string | null;
  sources: { visitKey: string | null; sampleDate: string }[];
  missingTests: LabTest[];
}

export interface LabsComputed {
  summary: string;
  maxGrade: number | null;
  results: Partial<Record<LabTest, GradedLab>>;
  /** For the coordinator's toxicity review: results of grade 3 or more. */
  grade3Plus: { test: LabTest; grade: number; term: string }[];
  baseline: LabsBaseline | null;
}

interface DraftRow {
  value?: unknown;
  unit?: unknown;
  lln?: unknown;
  uln?: unknown;
}

/** The form's values as typed so far (the browser) or as validated (the server). */
export interface LabsDraft {
  sampleDate?: unknown;
  results?: Partial<Record<LabTest, DraftRow>>;
}

const num = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

/**
 * The protocol allows day 1 this many days after enrollment (the visit schedule's window,
 * lib/domain/schedule DEFAULT_SCHEDULE): before any dosing is recorded, a sample after it is on treatment.
 */
export const DAY_ONE_WINDOW_DAYS = DEFAULT_SCHEDULE.windowDays;

const isoDate = (value: unknown): string | null =>
  typeof value === "string" && ISO_DATE_PATTERN.test(value) ? value : null;

/** The first dosing record's visit date (the first dose), or null before any dosing is recorded. */
export function findFirstDoseDate(context: FormContext): string | null {
  let first: string | null = null;
  for (const record of context.records) {
    if (record.formType !== "dosing" || typeof record.data !== "object" || record.data === null) continue;
    const date = isoDate((record.data as { visitDate?: unknown }).visitDate);
    if (date && (!first || date < first)) first = date;
  }
  return first;
}

interface LabCandidate {
  visitKey: string | null;
  sampleDate: string;
  row: DraftRow;
}

/** The patient's other labs records' results of one test that have a value and a unit, oldest first. Read defensively. */
function listCandidates(context: FormContext, test: LabTest): LabCandidate[] {
  const candidates: LabCandidate[] = [];
  for (const record of context.records) {
    if (record.formType !== "labs" || typeof record.data !== "object" || record.data === null) continue;
    const data = record.data as LabsDraft;
    const sampleDate = isoDate(data.sampleDate);
    const row = typeof data.results === "object" && data.results ? data.results[test] : undefined;
    if (!sampleDate || !row || num(row.value) === undefined || typeof row.unit !== "string") continue;
    candidates.push({ visitKey: record.visitKey, sampleDate, row });
  }
  return candidates.sort((a, b) => a.sampleDate.localeCompare(b.sampleDate));
}

/** The baseline value of `test` in `unit`, or undefined when it cannot be converted. */
function baselineIn(test: LabTest, unit: string, row: DraftRow): number | undefined {
  const value = num(row.value);
  if (value === undefined || value <= 0 || typeof row.unit !== "string") return undefined;
  try {
    return convertLabValue(test, value, row.unit, unit);
  } catch (error) {
    if (error instanceof CalcInputError) return undefined;
    throw error;
  }
}

/**
 * CTCAE v5.0 grades of every result entered, with lib/domain/ctcae only (gradeLabValue), the
 * baseline-dependent rules (bilirubin, AST, ALT, ALP, creatinine) fed from the last
 * pre-treatment value of each test (choosePreTreatmentBaseline), and the grade 3+ list that
 * prompts an adverse event. Incomplete rows are skipped (shown as not graded).
 */
export function computeLabs(draft: LabsDraft, context: FormContext): LabsComputed {
  const sampleDate = isoDate(draft.sampleDate);
  const treatmentStart = treatmentStartOf(findFirstDoseDate(context), context.enrollmentDate, DAY_ONE_WINDOW_DAYS);
  const results: Partial<Record<LabTest, GradedLab>> = {};
  const sources = new Map<string, { visitKey: string | null; sampleDate: string }>();
  const missingTests: LabTest[] = [];
  for (const test of LAB_TESTS) {
    const row = draft.results?.[test];
    const value = num(row?.value);
    if (value === undefined || typeof row?.unit !== "string") continue;
    const choice =
      sampleDate && LAB_CRITERIA[test].kind === "increased"
        ? choosePreTreatmentBaseline(listCandidates(context, test), sampleDate, treatmentStart)
        : null;
    const baselineValue = choice?.status === "found" ? baselineIn(test, row.unit, choice.candidate.row) : undefined;
    const baselineAbsence =
      choice?.status === "pre-treatment"
        ? "pre-treatment"
        : choice && baselineValue === undefined
          ? "missing"
          : undefined;
    try {
      const graded = gradeLabValue({
        test,
        value,
        unit: row.unit,
        lln: num(row.lln),
        uln: num(row.uln),
        baseline: baselineValue,
        baselineAbsence,
      });
      const source = choice?.status === "found" && baselineValue !== undefined ? choice.candidate : null;
      results[test] = { ...graded, baselineValue: baselineValue ?? null, baselineDate: source?.sampleDate ?? null };
      if (source)
        sources.set(`${source.sampleDate}|${source.visitKey}`, {
          visitKey: source.visitKey,
          sampleDate: source.sampleDate,
        });
      if (baselineAbsence === "missing") missingTests.push(test);
    } catch (error) {
      if (!(error instanceof CalcInputError)) throw error;
    }
  }
  const graded = Object.entries(results) as [LabTest, GradedLab][];
  const maxGrade = graded.length ? Math.max(...graded.map(([, r]) => r.grade)) : null;
  const worst = graded.filter(([, r]) => r.grade === maxGrade && r.grade > 0).map(([, r]) => r.term);
  const summary =
    maxGrade === null ? "no results" : `max grade ${maxGrade}${worst.length ? ` (${worst.join(", ")})` : ""}`;
  const onTreatment = sampleDate !== null && treatmentStart !== null && sampleDate > treatmentStart;
  return {
    summary,
    maxGrade,
    results,
    grade3Plus: graded.filter(([, r]) => r.grade >= 3).map(([test, r]) => ({ test, grade: r.grade, term: r.term })),
    baseline:
      sampleDate === null
        ? null
        : {
            status: !onTreatment ? "pre-treatment" : missingTests.length ? "missing" : "complete",
            treatmentStart,
            sources: [...sources.values()].sort((a, b) => a.sampleDate.localeCompare(b.sampleDate)),
            missingTests,
          },
  };
}

/** Whether any result was entered: an empty row means the test was not done. */
export const hasAnyResult = (data: LabsData) => LAB_TESTS.some((test) => data.results[test].value !== null);
