import { CalcInputError } from "@/lib/domain/calc-command";
import { convertLabValue } from "@/lib/domain/ctcae/convert-lab-value";
import { gradeLabValue } from "@/lib/domain/ctcae/grade-lab-value";
import { LAB_CRITERIA, LAB_TESTS, type LabTest } from "@/lib/domain/ctcae/lab-criteria";
import type { FormContext } from "@/lib/forms/form-definition";
import type { LabsData } from "./labs-schema";

/** The CTCAE v5.0 grade of one result, and the baseline it was graded against (if any). */
export interface GradedLab {
  grade: number;
  term: string;
  basis: string;
  normalizedValue: number;
  normalizedUnit: string;
  /** The earliest earlier labs record's value, in this result's unit (liver tests, creatinine). */
  baselineValue: number | null;
}

export interface LabsComputed {
  summary: string;
  maxGrade: number | null;
  results: Partial<Record<LabTest, GradedLab>>;
  /** For the coordinator's toxicity review: results of grade 3 or more. */
  grade3Plus: { test: LabTest; grade: number; term: string }[];
  baseline: { visitKey: string | null; sampleDate: string } | null;
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

const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

interface BaselineRecord {
  visitKey: string | null;
  sampleDate: string;
  results: Partial<Record<LabTest, DraftRow>>;
}

/**
 * The patient's baseline laboratory record: the earliest saved labs record sampled before
 * this one. CTCAE v5.0 grades bilirubin, AST, ALT, ALP (when baseline was abnormal) and
 * creatinine (always) against the baseline value too. Read defensively.
 */
export function findBaselineLabs(context: FormContext, sampleDate: string | null): BaselineRecord | null {
  let earliest: BaselineRecord | null = null;
  for (const record of context.records) {
    if (record.formType !== "labs" || typeof record.data !== "object" || record.data === null) continue;
    const data = record.data as LabsDraft;
    if (typeof data.sampleDate !== "string" || !sampleDate || data.sampleDate >= sampleDate) continue;
    if (!earliest || data.sampleDate < earliest.sampleDate) {
      earliest = { visitKey: record.visitKey, sampleDate: data.sampleDate, results: typeof data.results === "object" && data.results ? data.results : {} };
    }
  }
  return earliest;
}

function baselineFor(test: LabTest, unit: string, baseline: BaselineRecord | null): number | undefined {
  if (!baseline || LAB_CRITERIA[test].kind !== "increased") return undefined;
  const row = baseline.results[test];
  const value = num(row?.value);
  if (value === undefined || value <= 0 || typeof row?.unit !== "string") return undefined;
  try {
    return convertLabValue(test, value, row.unit, unit);
  } catch (error) {
    if (error instanceof CalcInputError) return undefined;
    throw error;
  }
}

/**
 * CTCAE v5.0 grades of every result entered, with lib/domain/ctcae only (gradeLabValue), the
 * baseline-dependent rules fed from the earliest earlier labs record, and the grade 3+ list
 * that prompts an adverse event. Incomplete rows are skipped (shown as not graded).
 */
export function computeLabs(draft: LabsDraft, context: FormContext): LabsComputed {
  const sampleDate = typeof draft.sampleDate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(draft.sampleDate) ? draft.sampleDate : null;
  const baseline = findBaselineLabs(context, sampleDate);
  const results: Partial<Record<LabTest, GradedLab>> = {};
  for (const test of LAB_TESTS) {
    const row = draft.results?.[test];
    const value = num(row?.value);
    if (value === undefined || typeof row?.unit !== "string") continue;
    const baselineValue = baselineFor(test, row.unit, baseline);
    try {
      const graded = gradeLabValue({ test, value, unit: row.unit, lln: num(row.lln), uln: num(row.uln), baseline: baselineValue });
      results[test] = { ...graded, baselineValue: baselineValue ?? null };
    } catch (error) {
      if (!(error instanceof CalcInputError)) throw error;
    }
  }
  const graded = Object.entries(results) as [LabTest, GradedLab][];
  const maxGrade = graded.length ? Math.max(...graded.map(([, r]) => r.grade)) : null;
  const worst = graded.filter(([, r]) => r.grade === maxGrade && r.grade > 0).map(([, r]) => r.term);
  const summary = maxGrade === null ? "no results" : `max grade ${maxGrade}${worst.length ? ` (${worst.join(", ")})` : ""}`;
  return {
    summary,
    maxGrade,
    results,
    grade3Plus: graded.filter(([, r]) => r.grade >= 3).map(([test, r]) => ({ test, grade: r.grade, term: r.term })),
    baseline: baseline ? { visitKey: baseline.visitKey, sampleDate: baseline.sampleDate } : null,
  };
}

/** Whether any result was entered: an empty row means the test was not done. */
export const hasAnyResult = (data: LabsData) => LAB_TESTS.some((test) => data.results[test].value !== null);
