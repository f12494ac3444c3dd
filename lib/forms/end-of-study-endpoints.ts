import { CalcInputError } from "@/lib/domain/calc-command";
import { earliestProgression, type ProgressionDate } from "@/lib/domain/survival/progression-date";
import { deriveSurvivalEndpoints, type SurvivalEndpoints } from "@/lib/domain/survival/survival-endpoints";
import type { RelatedRecord } from "./form-definition";
import { ISO_DATE_PATTERN } from "@/lib/domain/iso-date";

/** The dates of the follow-up form the endpoints need (null = not recorded). */
export interface FollowUpDates {
  progressionDate: string | null;
  lastKnownAliveDate: string | null;
  deathDate: string | null;
}

/** Tumour assessments done after enrollment: their date and RECIST timepoint response, when they have them. */
function listTreatmentAssessments(records: readonly RelatedRecord[], enrollmentDate: string) {
  return records
    .filter((r) => r.formType === "tumour-assessment")
    .map((r) => ({
      date: (r.data as { assessmentDate?: unknown } | null)?.assessmentDate,
      response: r.computed.response,
      visitKey: r.visitKey,
    }))
    .filter(
      (a): a is { date: string; response: unknown; visitKey: string | null } =>
        typeof a.date === "string" && ISO_DATE_PATTERN.test(a.date) && a.date >= enrollmentDate,
    )
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The earliest tumour assessment whose computed timepoint response is PD (RECIST 1.0, Therasse
 * 2000, duration of response: progression dates from the first assessment documenting it). Written defensively: the
 * tumour assessment form may be absent or store less than expected.
 */
export function findAssessedProgression(
  records: readonly RelatedRecord[],
  enrollmentDate: string,
): { date: string; visitKey: string | null } | null {
  const first = listTreatmentAssessments(records, enrollmentDate).find((a) => a.response === "PD");
  return first ? { date: first.date, visitKey: first.visitKey } : null;
}

const DATE_NAMES: Readonly<Record<string, string>> = {
  enrollmentDate: "the enrollment date",
  progressionDate: "the progression date",
  deathDate: "the death date",
  lastContactDate: "the last date known alive",
  lastAssessmentDate: "the last tumour assessment",
};

export interface FollowUpEndpoints {
  /** The progression date used for PFS (lib/domain/survival/progression-date: the earliest documented). */
  progression: ProgressionDate | null;
  assessedProgression: { date: string; visitKey: string | null } | null;
  endpoints: SurvivalEndpoints | null;
  /** Why the endpoints could not be derived, on the form field to correct. */
  errors: Record<string, string[]>;
}

/**
 * PFS and OS for one patient by lib/domain/survival deriveSurvivalEndpoints: the last contact
 * is the last date known alive (or the death date), PFS without progression or death is
 * censored at the last tumour assessment after enrollment (FDA 2007 endpoints guidance).
 */
export function deriveFollowUpEndpoints(
  dates: FollowUpDates,
  enrollmentDate: string | null,
  records: readonly RelatedRecord[],
): FollowUpEndpoints {
  const assessedProgression = enrollmentDate ? findAssessedProgression(records, enrollmentDate) : null;
  const progression = earliestProgression(dates.progressionDate, assessedProgression?.date);
  const lastContactDate = dates.lastKnownAliveDate ?? dates.deathDate;
  if (!enrollmentDate || !lastContactDate) return { progression, assessedProgression, endpoints: null, errors: {} };
  const lastAssessment = listTreatmentAssessments(records, enrollmentDate).at(-1)?.date;
  try {
    const endpoints = deriveSurvivalEndpoints({
      enrollmentDate,
      lastContactDate,
      ...(progression ? { progressionDate: progression.date } : {}),
      ...(dates.deathDate ? { deathDate: dates.deathDate } : {}),
      ...(!progression && lastAssessment ? { lastAssessmentDate: lastAssessment } : {}),
    });
    return { progression, assessedProgression, endpoints, errors: {} };
  } catch (error) {
    if (!(error instanceof CalcInputError)) throw error;
    const field =
      error.field === "progressionDate" && progression?.source === "entered"
        ? "progressionDate"
        : error.field === "deathDate"
          ? "deathDate"
          : dates.lastKnownAliveDate
            ? "lastKnownAliveDate"
            : "deathDate";
    const message = error.message.replace(
      /\b(enrollmentDate|progressionDate|deathDate|lastContactDate|lastAssessmentDate)\b/g,
      (name) => DATE_NAMES[name] ?? name,
    );
    return { progression, assessedProgression, endpoints: null, errors: { [field]: [`Check the dates: ${message}`] } };
  }
}

/** "PFS 1.9 mo (event), OS 4.6 mo (censored)" for the patient page. */
export function summarizeEndpoints(endpoints: SurvivalEndpoints): string {
  const part = (name: string, e: SurvivalEndpoints["pfs"]) =>
    `${name} ${e.timeMonths.toFixed(1)} mo (${e.event ? "event" : "censored"})`;
  return `${part("PFS", endpoints.pfs)}, ${part("OS", endpoints.os)}`;
}
