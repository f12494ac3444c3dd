import { scheduleEndDate, type ScheduleEndEvents } from "@/lib/domain/schedule/schedule-end";
import { listVisitFormStates } from "@/lib/domain/schedule/visit-form-states";
import type { ScheduleConfig } from "@/lib/domain/schedule/visit-schedule";
import { compareText } from "./compare-text";

/**
 * The data-quality dashboard per site: forms the visit schedule expects that are missing
 * (still inside their window) or overdue (past it), open queries, complete forms the
 * investigator has not signed, on-treatment labs graded without a pre-treatment baseline, and
 * source data verification (whole forms and single fields). Every count keeps the patients it counts, so the page can
 * link to them.
 */
export interface QualityPatient {
  id: string;
  subjectId: string;
  siteCode: string;
  enrollmentDate: string | null;
  /** The end-of-study form's dates: nothing is expected after death, end of treatment or withdrawal. */
  scheduleEnd?: ScheduleEndEvents | null;
}

export interface QualityRecord {
  patientId: string;
  formType: string;
  visitKey: string | null;
  status: "IN_PROGRESS" | "COMPLETE";
  signed: boolean;
  /** On-treatment labs with a baseline-graded result but no pre-treatment value (CTCAE v5.0). */
  baselineMissing?: boolean;
  /** The whole form is source-verified (the current version). */
  verified?: boolean;
}

export interface CountedPatients {
  count: number;
  patients: { id: string; subjectId: string; count: number }[];
}

export interface SiteQuality {
  siteCode: string;
  missingForms: CountedPatients;
  overdueForms: CountedPatients;
  openQueries: CountedPatients;
  unsignedForms: CountedPatients;
  missingBaselineLabs: CountedPatients;
  /** Source data verification, both kinds: whole forms, and fields verified one by one (targeted SDV). */
  verifiedForms: CountedPatients;
  verifiedFields: CountedPatients;
}

export type QualityMeasure = Exclude<keyof SiteQuality, "siteCode">;

function tally(patients: readonly QualityPatient[], countOf: (p: QualityPatient) => number): CountedPatients {
  const counted = patients
    .map((p) => ({ id: p.id, subjectId: p.subjectId, count: countOf(p) }))
    .filter((p) => p.count > 0);
  return {
    count: counted.reduce((sum, p) => sum + p.count, 0),
    patients: counted.sort((a, b) => compareText(a.subjectId, b.subjectId)),
  };
}

export function summarizeDataQuality(
  siteCodes: readonly string[],
  patients: readonly QualityPatient[],
  records: readonly QualityRecord[],
  openQueriesByPatient: Readonly<Record<string, number>>,
  today: string,
  schedule: ScheduleConfig,
  verifiedFieldsByPatient: Readonly<Record<string, number>> = {},
): SiteQuality[] {
  const recordsOf = new Map<string, QualityRecord[]>();
  for (const record of records) {
    const list = recordsOf.get(record.patientId);
    if (list) list.push(record);
    else recordsOf.set(record.patientId, [record]);
  }
  const scheduleStates = new Map(
    patients.map((p) => [
      p.id,
      p.enrollmentDate
        ? listVisitFormStates(
            p.enrollmentDate,
            scheduleEndDate(today, p.scheduleEnd),
            recordsOf.get(p.id) ?? [],
            schedule,
          ).flatMap((v) => v.formStates.map((f) => f.state))
        : [],
    ]),
  );
  return siteCodes.map((siteCode) => {
    const here = patients.filter((p) => p.siteCode === siteCode);
    const states = (p: QualityPatient, state: string) => scheduleStates.get(p.id)!.filter((s) => s === state).length;
    return {
      siteCode,
      missingForms: tally(here, (p) => states(p, "empty")),
      overdueForms: tally(here, (p) => states(p, "overdue")),
      openQueries: tally(here, (p) => openQueriesByPatient[p.id] ?? 0),
      unsignedForms: tally(
        here,
        (p) => (recordsOf.get(p.id) ?? []).filter((r) => r.status === "COMPLETE" && !r.signed).length,
      ),
      missingBaselineLabs: tally(here, (p) => (recordsOf.get(p.id) ?? []).filter((r) => r.baselineMissing).length),
      verifiedForms: tally(here, (p) => (recordsOf.get(p.id) ?? []).filter((r) => r.verified).length),
      verifiedFields: tally(here, (p) => verifiedFieldsByPatient[p.id] ?? 0),
    };
  });
}

/** One patient's counts as the schedule facts give them (lib/data/schedule-facts.ts). */
export interface PatientQualityCounts {
  patientId: string;
  subjectId: string;
  siteCode: string;
  missing: number;
  overdue: number;
  unsigned: number;
  verified: number;
  baselineMissingLabs: number;
}

/**
 * summarizeDataQuality from counts kept per patient instead of every form of the trial: the
 * same measures, patients and order (lib/data/schedule-facts.integration.test.ts compares them).
 */
export function summarizeQualityCounts(
  siteCodes: readonly string[],
  counts: readonly PatientQualityCounts[],
  openQueriesByPatient: Readonly<Record<string, number>>,
  verifiedFieldsByPatient: Readonly<Record<string, number>> = {},
): SiteQuality[] {
  const patients = counts.map((c) => ({ ...c, id: c.patientId }));
  return siteCodes.map((siteCode) => {
    const here = patients.filter((p) => p.siteCode === siteCode);
    const tallyOf = (countOf: (p: (typeof here)[number]) => number): CountedPatients => {
      const counted = here
        .map((p) => ({ id: p.id, subjectId: p.subjectId, count: countOf(p) }))
        .filter((p) => p.count > 0);
      return {
        count: counted.reduce((sum, p) => sum + p.count, 0),
        patients: counted.sort((a, b) => compareText(a.subjectId, b.subjectId)),
      };
    };
    return {
      siteCode,
      missingForms: tallyOf((p) => p.missing),
      overdueForms: tallyOf((p) => p.overdue),
      openQueries: tallyOf((p) => openQueriesByPatient[p.id] ?? 0),
      unsignedForms: tallyOf((p) => p.unsigned),
      missingBaselineLabs: tallyOf((p) => p.baselineMissingLabs),
      verifiedForms: tallyOf((p) => p.verified),
      verifiedFields: tallyOf((p) => verifiedFieldsByPatient[p.id] ?? 0),
    };
  });
}
