import { bisectRight } from "d3-array";
import { isoDateOfDayNumber, parseIsoDateToDayNumber } from "@/lib/domain/iso-date";

/**
 * One patient's counts as of a day, from the patient's schedule facts (patient_schedule_facts,
 * kept by the database in the transaction of every write: migration
 * 20261208300000_patient_schedule_facts). Same states as lib/domain/schedule/visit-form-states.ts:
 * a form the schedule expects is "missing" while its visit window is open and "overdue" after it,
 * and nothing is expected after the end of study's death, off-treatment or off-study date.
 */
export interface PatientCounts {
  patientId: string;
  subjectId: string;
  siteId: string;
  siteCode: string;
  /** Expected forms not recorded, the visit window still open ("empty" in the grid). */
  missing: number;
  /** Expected forms not recorded past their visit window. */
  overdue: number;
  /** The missing forms due by a week from the day (the home page's "due this week"). */
  dueThisWeek: number;
  /** Complete forms not signed / not source-verified, forms source-verified, labs graded without a baseline. */
  unsigned: number;
  unverified: number;
  verified: number;
  baselineMissingLabs: number;
  enrollmentDate: string | null;
  scheduleEnd: string | null;
  /** Due date of the earliest overdue form (when overdue > 0): the oldest-first order of the overdue list. */
  firstGapDue: string | null;
  /** Due date of the latest visit on the schedule by the day: the missing forms' due date. */
  currentVisitDue: string | null;
}

/** The study's schedule as the counts need it (study_settings). */
export interface ScheduleRule {
  windowDays: number;
  visitIntervalDays: number;
  /** Imaging every this many visits (the imaging interval over the visit interval, a whole number). */
  imagingEvery: number;
  visitForms: number;
  imagingForms: number;
}

/** A patient's kept facts: the counts of any day follow from them and the schedule. */
export interface ScheduleFacts {
  patientId: string;
  subjectId: string;
  siteId: string;
  siteCode: string;
  enrollmentDate: string | null;
  scheduleEnd: string | null;
  firstGapDue: string | null;
  /** Day numbers (lib/domain/iso-date.ts) of the expected forms that have a record, sorted. */
  recordedDue: Int32Array;
  unsigned: number;
  unverified: number;
  verified: number;
  baselineMissingLabs: number;
}

/**
 * The counts of one patient on `today` (a day number). The expected forms up to a day are
 * arithmetic on the schedule: day 1 and then a visit every interval, each expecting the visit
 * forms, every imagingEvery-th visit after day 1 the imaging forms too; the recorded ones are
 * counted in the sorted due dates. The same arithmetic as loadPatientCounts' statement
 * (lib/data/schedule-facts.ts), which lib/data/schedule-facts-store.integration.test.ts compares.
 */
export function countScheduleFacts(facts: ScheduleFacts, rule: ScheduleRule, today: number): PatientCounts {
  const enrolled = facts.enrollmentDate === null ? null : parseIsoDateToDayNumber(facts.enrollmentDate);
  const end = facts.scheduleEnd === null ? today : Math.min(today, parseIsoDateToDayNumber(facts.scheduleEnd));
  // Overdue: due on or before cut (its window ended before the schedule's last day);
  // listed: due on or before the schedule's last day (day 1 always).
  const cut = end - rule.windowDays - 1;
  const listedUntil = enrolled === null ? end : Math.max(end, enrolled);
  const visitsCut = enrolled === null || cut < enrolled ? 0 : Math.floor((cut - enrolled) / rule.visitIntervalDays) + 1;
  const visitsListed = enrolled === null ? 0 : Math.floor((listedUntil - enrolled) / rule.visitIntervalDays) + 1;
  const expected = (visits: number) =>
    visits * rule.visitForms + Math.floor(Math.max(visits - 1, 0) / rule.imagingEvery) * rule.imagingForms;
  // bisectRight counts the sorted due days on or before a day, as PostgreSQL's width_bucket does.
  const overdue = expected(visitsCut) - bisectRight(facts.recordedDue, cut);
  const unrecorded = expected(visitsListed) - bisectRight(facts.recordedDue, listedUntil);
  return {
    patientId: facts.patientId,
    subjectId: facts.subjectId,
    siteId: facts.siteId,
    siteCode: facts.siteCode,
    missing: unrecorded - overdue,
    overdue,
    dueThisWeek: enrolled !== null && enrolled > today + 7 ? 0 : unrecorded - overdue,
    unsigned: facts.unsigned,
    unverified: facts.unverified,
    verified: facts.verified,
    baselineMissingLabs: facts.baselineMissingLabs,
    enrollmentDate: facts.enrollmentDate,
    scheduleEnd: facts.scheduleEnd,
    firstGapDue: facts.firstGapDue,
    currentVisitDue:
      enrolled === null
        ? null
        : isoDateOfDayNumber(
            enrolled + Math.floor((listedUntil - enrolled) / rule.visitIntervalDays) * rule.visitIntervalDays,
          ),
  };
}
