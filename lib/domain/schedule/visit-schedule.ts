/**
 * The protocol's visit schedule: screening, day 1, a visit every 4 weeks and imaging every
 * 8 weeks (docs/protocol.md, "Schedule"; Shao et al. 2012 assessed response every 8 weeks), configurable
 * per study (the study_settings row, lib/data/study-settings). Dates are ISO yyyy-mm-dd calendar dates, computed in UTC.
 */
export interface ScheduleConfig {
  visitIntervalDays: number;
  imagingIntervalDays: number;
  /** A visit counts as overdue this many days after its due date. */
  windowDays: number;
  /** Forms expected at every treatment visit, and additionally at imaging visits. */
  visitForms: readonly string[];
  imagingForms: readonly string[];
}

/** The protocol's schedule: the study settings row starts with these values (its migration). */
export const DEFAULT_SCHEDULE: ScheduleConfig = {
  visitIntervalDays: 28,
  imagingIntervalDays: 56,
  windowDays: 7,
  visitForms: ["dosing", "labs"],
  imagingForms: ["tumour-assessment"],
};

export interface ExpectedVisit {
  key: string;
  label: string;
  dueDate: string;
  /** Last day inside the window; after it, missing forms are overdue. */
  windowEndDate: string;
  forms: string[];
}

const DAY_MS = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Treatment visits from enrollment (day 1) until `until` (today, or the off-treatment
 * date): day 1, then week 4, 8, 12... Every visit whose week is a multiple of the imaging
 * interval also expects a tumour assessment.
 */
export function listExpectedVisits(enrollmentDate: string, until: string, config: ScheduleConfig): ExpectedVisit[] {
  const visits: ExpectedVisit[] = [
    {
      key: "day1",
      label: "Day 1",
      dueDate: enrollmentDate,
      windowEndDate: addDays(enrollmentDate, config.windowDays),
      forms: [...config.visitForms],
    },
  ];
  for (let day = config.visitIntervalDays; ; day += config.visitIntervalDays) {
    const dueDate = addDays(enrollmentDate, day);
    if (dueDate > until) break;
    const week = day / 7;
    const imaging = day % config.imagingIntervalDays === 0;
    visits.push({
      key: `week${week}`,
      label: `Week ${week}`,
      dueDate,
      windowEndDate: addDays(dueDate, config.windowDays),
      forms: [...config.visitForms, ...(imaging ? config.imagingForms : [])],
    });
  }
  return visits;
}

export type FormState = "empty" | "in-progress" | "complete" | "overdue";

/** A form's state at a visit: what is recorded, or overdue when missing past the window. */
export function classifyFormState(
  recorded: "in-progress" | "complete" | null,
  windowEndDate: string,
  today: string,
): FormState {
  if (recorded) return recorded;
  return today > windowEndDate ? "overdue" : "empty";
}

/**
 * The form types a scheduled visit can expect (the forms placed at visits, lib/forms/registry;
 * lib/forms/visit-form-types.test.ts keeps the two equal). Study settings choose among these.
 */
export const VISIT_FORM_TYPES: readonly string[] = ["dosing", "labs", "tumour-assessment"];
