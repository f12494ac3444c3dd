import { CANONICAL_CYTOKINE_UNIT, isCytokineUnit, toPgPerMl } from "@/lib/domain/biomarkers/cytokine-units";
import { RESPONSES, type Response } from "@/lib/domain/recist";
import { compareText } from "./compare-text";
import type { EfficacyPatient, ResponseOutcome } from "./efficacy";
import { ISO_DATE_PATTERN } from "@/lib/domain/iso-date";

/**
 * A patient's saved case report forms as the analysis reads them. Adapters here turn them into
 * the plain per-patient inputs of the analyses; they only read what the forms recorded and what
 * the rules engine computed when they were saved, and compute nothing clinical themselves.
 */
export interface AnalysisRecord {
  formType: string;
  visitKey: string | null;
  data: unknown;
  computed: Record<string, unknown>;
}

export interface AnalysisPatientRecords {
  patientId: string;
  subjectId: string;
  siteCode: string;
  status: string;
  enrollmentDate: string;
  /**
   * The latest ISO visit date of any of the patient's forms, when a loader worked it out in the
   * database instead of passing every form (lib/data/analysis-cohort.ts); null: none.
   */
  lastVisitDate?: string | null;
  /**
   * The response derived when the patient's efficacy facts were stored (lib/analysis/efficacy-facts.ts),
   * with the last assessment date it was derived from: readers of stored facts pass it so the
   * analyses do not run RECIST again for every patient (readPatientOutcome). Absent: derived here.
   */
  storedResponse?: ResponseOutcome & { lastAssessmentDate: string | null };
  records: readonly AnalysisRecord[];
}

const field = (record: AnalysisRecord | undefined, name: string): unknown =>
  (record?.data as Record<string, unknown> | null | undefined)?.[name];
const dateField = (record: AnalysisRecord | undefined, name: string): string | undefined => {
  const value = field(record, name);
  return typeof value === "string" && ISO_DATE_PATTERN.test(value) ? value : undefined;
};
const isResponse = (value: unknown): value is Response =>
  typeof value === "string" && (RESPONSES as readonly string[]).includes(value);

export interface AssessedTimepoint {
  date: string;
  visitKey: string | null;
  response: Response;
  pctFromBaseline: number | null;
}

/** Follow-up tumour assessments after enrollment with the response the app computed (or the investigator's override), by date. */
export function listAssessments(patient: AnalysisPatientRecords): AssessedTimepoint[] {
  return patient.records
    .filter((r) => r.formType === "tumour-assessment")
    .flatMap((r) => {
      const date = dateField(r, "assessmentDate");
      const response = r.computed.response;
      if (!date || date < patient.enrollmentDate || !isResponse(response)) return [];
      const pct = r.computed.pctFromBaseline;
      return [
        {
          date,
          visitKey: r.visitKey,
          response,
          pctFromBaseline: typeof pct === "number" && Number.isFinite(pct) ? pct : null,
        },
      ];
    })
    .sort((a, b) => compareText(a.date, b.date));
}

/**
 * The fields whose latest ISO date is the last time the patient was seen. lib/data/analysis-cohort.ts
 * reads the same fields (and of the other forms only what the readers below read): keep in step.
 */
export const VISIT_DATE_FIELDS = ["visitDate", "sampleDate", "assessmentDate"] as const;

/** The latest date the patient was seen: a visit form's date, or enrollment. */
function lastSeenDate(patient: AnalysisPatientRecords): string {
  const dates = [
    ...patient.records.flatMap((r) => VISIT_DATE_FIELDS.map((name) => dateField(r, name))),
    patient.lastVisitDate ?? undefined,
  ];
  return dates
    .filter((d): d is string => d !== undefined)
    .reduce((latest, d) => (d > latest ? d : latest), patient.enrollmentDate);
}

export interface FollowUpFacts {
  progressionDate?: string;
  deathDate?: string;
  lastContactDate: string;
  offTreatmentDate?: string;
  offStudyDate?: string;
}

/** The dates of the patient's first end-of-study form (null: not recorded or not an ISO date). */
export interface EndOfStudyDates {
  progressionDate: string | null;
  deathDate: string | null;
  lastKnownAliveDate: string | null;
  offTreatmentDate: string | null;
  offStudyDate: string | null;
}

export function readEndOfStudyDates(patient: Pick<AnalysisPatientRecords, "records">): EndOfStudyDates {
  const eos = patient.records.find((r) => r.formType === "end-of-study");
  const date = (name: keyof EndOfStudyDates) => dateField(eos, name) ?? null;
  return {
    progressionDate: date("progressionDate"),
    deathDate: date("deathDate"),
    lastKnownAliveDate: date("lastKnownAliveDate"),
    offTreatmentDate: date("offTreatmentDate"),
    offStudyDate: date("offStudyDate"),
  };
}

/** Dates from the follow-up and end-of-study form; without it, the patient was last seen at their latest visit. */
export function readFollowUp(patient: AnalysisPatientRecords): FollowUpFacts {
  const eos = patient.records.find((r) => r.formType === "end-of-study");
  const deathDate = dateField(eos, "deathDate");
  const lastContactDate = dateField(eos, "lastKnownAliveDate") ?? deathDate ?? lastSeenDate(patient);
  return {
    progressionDate: dateField(eos, "progressionDate"),
    deathDate,
    lastContactDate,
    offTreatmentDate: dateField(eos, "offTreatmentDate"),
    offStudyDate: dateField(eos, "offStudyDate"),
  };
}

/** The inputs of summarizeEfficacy for one enrolled patient. */
export function toEfficacyPatient(patient: AnalysisPatientRecords): EfficacyPatient {
  const assessments = listAssessments(patient);
  const followUp = readFollowUp(patient);
  return {
    enrollmentDate: patient.enrollmentDate,
    assessments: assessments.map((a) => ({ date: a.date, response: a.response })),
    ...(followUp.progressionDate ? { progressionDate: followUp.progressionDate } : {}),
    ...(followUp.deathDate ? { deathDate: followUp.deathDate } : {}),
    lastContactDate: followUp.lastContactDate,
    ...(assessments.length ? { lastAssessmentDate: assessments.at(-1)?.date } : {}),
  };
}

export interface CytokineResult {
  /** Measured concentration; null when below the LLOQ. */
  value: number | null;
  belowLloq: boolean;
  lloq: number | null;
  unit: string;
}

/** The baseline result of one analyte (case-insensitive name), or null when not measured or pending. */
export function readCytokine(patient: AnalysisPatientRecords, analyte: string): CytokineResult | null {
  const record = patient.records.find((r) => r.formType === "cytokines");
  const rows = field(record, "analytes");
  if (!Array.isArray(rows)) return null;
  const row = rows.find(
    (r: { analyte?: unknown }) => typeof r?.analyte === "string" && r.analyte.toLowerCase() === analyte.toLowerCase(),
  ) as { value: number | null; belowLloq: boolean; lloq: number | null; unit: string } | undefined;
  if (!row) return null;
  if (row.belowLloq ? row.lloq === null : row.value === null) return null;
  if (!isCytokineUnit(row.unit)) return null;
  // Analysed in the canonical unit: a VEGF of 0.42 ng/mL is 420 pg/mL, never 0.42.
  const canonical = (value: number | null) => (value === null ? null : toPgPerMl(value, row.unit));
  return {
    value: row.belowLloq ? null : canonical(row.value),
    belowLloq: row.belowLloq,
    lloq: canonical(row.lloq),
    unit: CANONICAL_CYTOKINE_UNIT,
  };
}

/** Analyte names recorded in any patient's baseline cytokines, in first-seen order. */
export function listCytokineNames(patients: readonly AnalysisPatientRecords[]): string[] {
  const names = new Map<string, string>();
  for (const patient of patients) {
    const rows = field(
      patient.records.find((r) => r.formType === "cytokines"),
      "analytes",
    );
    if (!Array.isArray(rows)) continue;
    for (const row of rows as { analyte?: unknown }[]) {
      if (typeof row.analyte === "string" && !names.has(row.analyte.toLowerCase()))
        names.set(row.analyte.toLowerCase(), row.analyte);
    }
  }
  return [...names.values()];
}
