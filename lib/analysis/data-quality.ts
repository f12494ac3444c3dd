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

/** The patients with a count above zero and the sum, in the order given (by subject ID: bySiteInSubjectOrder). */
function tally<P extends { id: string; subjectId: string } | { patientId: string; subjectId: string }>(
  patients: readonly P[],
  countOf: (p: P) => number,
): CountedPatients {
  const counted: CountedPatients["patients"] = [];
  let sum = 0;
  for (const p of patients) {
    const count = countOf(p);
    if (count > 0) {
      counted.push({ id: "id" in p ? p.id : p.patientId, subjectId: p.subjectId, count });
      sum += count;
    }
  }
  return { count: sum, patients: counted };
}

/**
 * Each site's patients by subject ID: one sort of the trial and one pass, where sorting every
 * measure of every site apart cost ~150 ms at 10,000 patients.
 */
function bySiteInSubjectOrder<P extends { subjectId: string; siteCode: string }>(
  siteCodes: readonly string[],
  patients: readonly P[],
): P[][] {
  const sites = new Map(siteCodes.map((code) => [code, [] as P[]]));
  for (const p of [...patients].sort((a, b) => compareText(a.subjectId, b.subjectId))) sites.get(p.siteCode)?.push(p);
  return siteCodes.map((code) => sites.get(code)!);
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
  const bySite = bySiteInSubjectOrder(siteCodes, patients);
  return siteCodes.map((siteCode, i) => {
    const here = bySite[i]!;
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
  // Maps, not the records' own lookups: at 100,000 patients a missing key in a large object costs.
  const openQueries = new Map(Object.entries(openQueriesByPatient));
  const verifiedFields = new Map(Object.entries(verifiedFieldsByPatient));
  const bySite = bySiteInSubjectOrder(siteCodes, counts);
  return siteCodes.map((siteCode, i) => {
    const here = bySite[i]!;
    return {
      siteCode,
      missingForms: tally(here, (p) => p.missing),
      overdueForms: tally(here, (p) => p.overdue),
      openQueries: tally(here, (p) => openQueries.get(p.patientId) ?? 0),
      unsignedForms: tally(here, (p) => p.unsigned),
      missingBaselineLabs: tally(here, (p) => p.baselineMissingLabs),
      verifiedForms: tally(here, (p) => p.verified),
      verifiedFields: tally(here, (p) => verifiedFields.get(p.patientId) ?? 0),
    };
  });
}
