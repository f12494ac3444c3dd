import type { Response } from "@/lib/domain/recist";
import { completePatientOutcome, derivePatientOutcome, type PatientOutcome } from "./efficacy";
import {
  listAssessments,
  readEndOfStudyDates,
  readFollowUp,
  toEfficacyPatient,
  type AnalysisPatientRecords,
  type AnalysisRecord,
  type EndOfStudyDates,
  type FollowUpFacts,
} from "./patient-records";

/** The forms whose records the efficacy and biomarker analyses read (besides the visit dates of every form). */
export const EFFICACY_INPUT_FORM_TYPES = ["tumour-assessment", "end-of-study", "cytokines"] as const;

/** One baseline cytokine result as recorded (its own unit; readCytokine converts). */
export interface CytokineFact {
  analyte: string;
  value: number | null;
  unit: string;
  lloq: number | null;
  belowLloq: boolean;
}

/**
 * One enrolled patient's efficacy facts (table patient_efficacy_facts), derived from their
 * saved forms by the analyses' own readers (lib/analysis/patient-records.ts) and the efficacy
 * derivation (derivePatientOutcome): the follow-up assessments as the analyses use them, the
 * first end-of-study form's dates, the first cytokines form's results, and the response facts
 * (best overall response, progression date and source). PFS and OS are not stored: their
 * censoring date is the last visit, which every visit form moves (labs, dosing), so the
 * reader applies derivePatientOutcome to these facts and the last visit date.
 */
export interface EfficacyFacts {
  assessments: { visitKey: string | null; date: string; response: Response; pctFromBaseline: number | null }[];
  endOfStudyRecordId: string | null;
  endOfStudy: EndOfStudyDates;
  cytokinesRecordId: string | null;
  cytokines: CytokineFact[];
  bestOverallResponse: Response;
  borConfirmed: boolean;
  progressionDate: string | null;
  progressionSource: "assessments" | "entered" | null;
  /** The record the progression date came from: the first PD assessment or the end-of-study form. */
  progressionRecordId: string | null;
}

/** A saved form with its id, as the facts name their source records. */
export type IdentifiedRecord = AnalysisRecord & { id: string };

const cytokineRows = (record: AnalysisRecord | undefined): CytokineFact[] => {
  const rows = (record?.data as { analytes?: unknown } | null | undefined)?.analytes;
  if (!Array.isArray(rows)) return [];
  return (rows as Record<string, unknown>[]).flatMap((row) =>
    typeof row?.analyte === "string"
      ? [
          {
            analyte: row.analyte,
            value: typeof row.value === "number" ? row.value : null,
            unit: typeof row.unit === "string" ? row.unit : "",
            lloq: typeof row.lloq === "number" ? row.lloq : null,
            belowLloq: row.belowLloq === true,
          },
        ]
      : [],
  );
};

/**
 * The facts of an enrolled patient from every one of their current forms, oldest first (the
 * order the analyses read "the first end-of-study form").
 */
export function deriveEfficacyFacts(
  patient: Omit<AnalysisPatientRecords, "records"> & { records: readonly IdentifiedRecord[] },
): EfficacyFacts {
  const assessed = listAssessments(patient);
  const byDate = (date: string) =>
    patient.records.find(
      (r) =>
        r.formType === "tumour-assessment" &&
        (r.data as { assessmentDate?: unknown } | null)?.assessmentDate === date &&
        r.computed.response === "PD",
    );
  const eos = patient.records.find((r) => r.formType === "end-of-study");
  const cytokines = patient.records.find((r) => r.formType === "cytokines");
  const outcome = derivePatientOutcome(toEfficacyPatient(patient));
  const progressionRecordId =
    outcome.progressionSource === "entered"
      ? (eos?.id ?? null)
      : outcome.progressionSource === "assessments" && outcome.progressionDate
        ? (byDate(outcome.progressionDate)?.id ?? null)
        : null;
  return {
    assessments: assessed.map((a) => ({
      visitKey: a.visitKey,
      date: a.date,
      response: a.response,
      pctFromBaseline: a.pctFromBaseline,
    })),
    endOfStudyRecordId: eos?.id ?? null,
    endOfStudy: readEndOfStudyDates(patient),
    cytokinesRecordId: cytokines?.id ?? null,
    cytokines: cytokineRows(cytokines),
    bestOverallResponse: outcome.bestOverallResponse,
    borConfirmed: outcome.confirmed,
    progressionDate: outcome.progressionDate ?? null,
    progressionSource: outcome.progressionSource ?? null,
    progressionRecordId,
  };
}

/**
 * What a reader read of one patient's stored facts: the assessments and the cytokines only
 * when its analysis uses them (null: not read), the rest always.
 */
export interface StoredPatientFacts {
  lastVisitDate: string | null;
  response: NonNullable<AnalysisPatientRecords["storedResponse"]>;
  endOfStudy: EndOfStudyDates | null;
  assessments: EfficacyFacts["assessments"] | null;
  cytokines: CytokineFact[] | null;
}

/**
 * The patient as the analyses read them, from the facts: the same readers then see the same
 * assessments, end-of-study dates, cytokines and last visit date as from the whole forms, and
 * the stored response (readPatientOutcome).
 */
export function toAnalysisPatient(
  patient: Omit<AnalysisPatientRecords, "records" | "lastVisitDate">,
  facts: EfficacyFacts | null,
  lastVisitDate: string | null,
): AnalysisPatientRecords {
  if (!facts) return { ...patient, lastVisitDate, records: [] };
  return toStoredAnalysisPatient(patient, {
    lastVisitDate,
    response: {
      bestOverallResponse: facts.bestOverallResponse,
      confirmed: facts.borConfirmed,
      progressionSource: facts.progressionSource ?? undefined,
      progressionDate: facts.progressionDate ?? undefined,
      lastAssessmentDate: facts.assessments.at(-1)?.date ?? null,
    },
    endOfStudy: facts.endOfStudyRecordId ? facts.endOfStudy : null,
    assessments: facts.assessments,
    cytokines: facts.cytokinesRecordId ? facts.cytokines : null,
  });
}

/** toAnalysisPatient from what a reader read (lib/data/analysis-cohort.ts). */
export function toStoredAnalysisPatient(
  patient: Omit<AnalysisPatientRecords, "records" | "lastVisitDate">,
  facts: StoredPatientFacts,
): AnalysisPatientRecords {
  const records: AnalysisRecord[] = [];
  for (const a of facts.assessments ?? [])
    records.push({
      formType: "tumour-assessment",
      visitKey: a.visitKey,
      data: { assessmentDate: a.date },
      computed: { response: a.response, pctFromBaseline: a.pctFromBaseline },
    });
  if (facts.endOfStudy)
    records.push({ formType: "end-of-study", visitKey: null, data: facts.endOfStudy, computed: {} });
  if (facts.cytokines)
    records.push({ formType: "cytokines", visitKey: null, data: { analytes: facts.cytokines }, computed: {} });
  return { ...patient, lastVisitDate: facts.lastVisitDate, storedResponse: facts.response, records };
}

/**
 * A patient's outcome as the analyses use it: from the stored response plus PFS and OS from
 * today's follow-up dates when a reader passed it (no RECIST per request), else derived in full.
 * The stored response came from derivePatientOutcome over the same assessments, so both agree
 * (lib/data/analysis-cohort.integration.test.ts).
 */
export function readPatientOutcome(
  patient: AnalysisPatientRecords,
  followUp: FollowUpFacts = readFollowUp(patient),
): PatientOutcome {
  const stored = patient.storedResponse;
  if (!stored) return derivePatientOutcome(toEfficacyPatient(patient));
  return completePatientOutcome(
    {
      enrollmentDate: patient.enrollmentDate,
      ...(followUp.deathDate ? { deathDate: followUp.deathDate } : {}),
      lastContactDate: followUp.lastContactDate,
      ...(stored.lastAssessmentDate ? { lastAssessmentDate: stored.lastAssessmentDate } : {}),
    },
    {
      bestOverallResponse: stored.bestOverallResponse,
      confirmed: stored.confirmed,
      progressionSource: stored.progressionSource,
      progressionDate: stored.progressionDate,
    },
  );
}
