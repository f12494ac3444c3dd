import { recordedConsentDate } from "./baseline-dates";
import type { FormContext } from "./form-definition";
import { findForm } from "./form-types";

/** A local date-time as a datetime-local input gives it: yyyy-mm-ddThh:mm (site wall-clock time, no zone). */
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * ICH E2A (section III.A.1) / 21 CFR 312.32: the sponsor is told of a serious adverse event
 * within 24 hours of the site becoming aware of it. The clock runs on the site's wall clock,
 * so the due time is the entered local time plus 24 h (this trial's sites keep no daylight
 * saving time, where 24 h is exactly one calendar day).
 */
export const SAE_REPORTING_HOURS = 24;

/** The site-local date-time `hours` after `localDateTime` (yyyy-mm-ddThh:mm); null when not a real date-time. */
export function addHoursToLocalDateTime(localDateTime: string, hours: number): string | null {
  if (!LOCAL_DATE_TIME.test(localDateTime)) return null;
  const ms = Date.parse(`${localDateTime}:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 16) !== localDateTime) return null;
  return new Date(ms + hours * 3_600_000).toISOString().slice(0, 16);
}

/** When the SAE report is due: the site became aware + 24 h. */
export function computeSaeReportDueAt(awareAt: string): string | null {
  return addHoursToLocalDateTime(awareAt, SAE_REPORTING_HOURS);
}

/**
 * True when a site-local date-time cannot yet have happened anywhere on earth. The server does
 * not know the site's time zone, so it allows the largest offset (UTC+14) rather than reject a
 * genuine entry made early in the morning east of Greenwich.
 */
export function isLocalDateTimeInFuture(localDateTime: string, now: Date = new Date()): boolean {
  const latestLocalNow = new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 16);
  return localDateTime > latestLocalNow;
}

/**
 * The earliest date an adverse event of the trial may start: informed consent (ICH E6(R2)
 * 1.2: AEs are collected from the subject's consent) or, before the consent is recorded,
 * the screening date.
 */
export function findEarliestOnsetDate(context: FormContext): { date: string; label: string } {
  const consentDate = recordedConsentDate(context);
  if (consentDate) return { date: consentDate, label: "informed consent date" };
  return { date: context.screeningDate, label: "screening date" };
}

/**
 * The death date already recorded on the patient's end-of-study form (the survival record),
 * or null when there is none.
 */
export function findRecordedDeathDate(context: FormContext): string | null {
  const deathDate = findForm(context.records, "end-of-study")?.deathDate;
  return typeof deathDate === "string" && deathDate !== "" ? deathDate : null;
}

/** One line for the patient page: "Platelet count decreased, grade 3, SAE". */
export function summarizeAdverseEvent(term: string, grade: number | null, serious: boolean): string {
  return [term, grade === null ? "grade not given" : `grade ${grade}`, ...(serious ? ["SAE"] : [])].join(", ");
}
