import { CalcInputError } from "../calc-command";
import { parseIsoDateToDayNumber } from "../iso-date";

/**
 * Days per month used to express times in months: 365.25 / 12 = 30.4375, the mean month of
 * a year averaged over leap years (the usual convention for months in survival reports).
 */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Dates recorded for one patient, ISO `yyyy-mm-dd` (calendar dates, no time of day). */
export interface SurvivalDates {
  /** Start of time-to-event (registration / enrolment); day 0. */
  enrollmentDate: string;
  /** Date of documented progression (RECIST), if any. */
  progressionDate?: string;
  /** Date of death from any cause, if any. */
  deathDate?: string;
  /** Last date the patient was known alive (or the death date). Censoring date for OS. */
  lastContactDate: string;
  /**
   * Date of the last adequate tumour assessment without progression. Censoring date for
   * PFS when given; otherwise PFS is censored at `lastContactDate`.
   */
  lastAssessmentDate?: string;
}

/** One time-to-event endpoint. */
export interface EndpointTime {
  /** Whole days from enrolment (date difference; the enrolment day is day 0). */
  timeDays: number;
  /** timeDays / DAYS_PER_MONTH, unrounded. */
  timeMonths: number;
  /** 1 = event observed, 0 = censored. */
  event: 0 | 1;
}

export interface SurvivalEndpoints {
  /** Progression-free survival: progression or death, whichever comes first. */
  pfs: EndpointTime;
  /** Overall survival: death from any cause. */
  os: EndpointTime;
}

function toEndpoint(startDay: number, endDay: number, event: 0 | 1): EndpointTime {
  const timeDays = endDay - startDay;
  return { timeDays, timeMonths: timeDays / DAYS_PER_MONTH, event };
}

function requireOrder(earlierDay: number, laterDay: number, message: string, field: string): void {
  if (laterDay < earlierDay) throw new CalcInputError(message, field);
}

/**
 * Derives PFS and OS from dates.
 *
 * Definitions: PFS = time from enrolment to progression or death from any cause, whichever
 * comes first; censored at the last adequate tumour assessment when given, else at the last
 * contact. OS = time from enrolment to death from any cause; censored at the last contact.
 * (FDA Guidance for Industry, Clinical Trial Endpoints for the Approval of Cancer Drugs and
 * Biologics, May 2007, section III.A-B and Appendix 3 Table A: no progression -> censored at
 * the last adequate radiological assessment.) Times are plain date
 * differences in days (no +1), months = days / 30.4375.
 *
 * Throws CalcInputError when: a date is malformed or impossible; any date precedes enrolment;
 * death precedes progression; progression or the last assessment is after the last contact
 * (the patient was seen alive then); the last contact is after death.
 */
export function deriveSurvivalEndpoints(dates: SurvivalDates): SurvivalEndpoints {
  const start = parseIsoDateToDayNumber(dates.enrollmentDate, "enrollmentDate");
  const contact = parseIsoDateToDayNumber(dates.lastContactDate, "lastContactDate");
  const progression =
    dates.progressionDate === undefined ? null : parseIsoDateToDayNumber(dates.progressionDate, "progressionDate");
  const death = dates.deathDate === undefined ? null : parseIsoDateToDayNumber(dates.deathDate, "deathDate");
  const assessment =
    dates.lastAssessmentDate === undefined
      ? null
      : parseIsoDateToDayNumber(dates.lastAssessmentDate, "lastAssessmentDate");

  requireOrder(start, contact, "lastContactDate is before enrollmentDate", "lastContactDate");
  if (progression !== null) {
    requireOrder(start, progression, "progressionDate is before enrollmentDate", "progressionDate");
  }
  if (death !== null) {
    requireOrder(start, death, "deathDate is before enrollmentDate", "deathDate");
    if (progression !== null) requireOrder(progression, death, "deathDate is before progressionDate", "deathDate");
    requireOrder(contact, death, "lastContactDate is after deathDate", "lastContactDate");
  }
  // A progression is seen at an assessment, when the patient was alive and in contact.
  if (progression !== null) {
    requireOrder(progression, contact, "progressionDate is after lastContactDate", "progressionDate");
  }
  if (assessment !== null) {
    requireOrder(start, assessment, "lastAssessmentDate is before enrollmentDate", "lastAssessmentDate");
    requireOrder(assessment, contact, "lastAssessmentDate is after lastContactDate", "lastAssessmentDate");
    if (progression !== null) {
      requireOrder(assessment, progression, "lastAssessmentDate is after progressionDate", "lastAssessmentDate");
    }
  }

  const os = death !== null ? toEndpoint(start, death, 1) : toEndpoint(start, contact, 0);
  const pfsEventDay = progression ?? death;
  const pfs = pfsEventDay !== null ? toEndpoint(start, pfsEventDay, 1) : toEndpoint(start, assessment ?? contact, 0);
  return { pfs, os };
}
