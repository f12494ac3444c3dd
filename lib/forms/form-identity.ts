import type { ScheduleConfig } from "@/lib/domain/schedule/visit-schedule";
import type { FormDefinition } from "./form-definition";

/** Visit keys of the protocol schedule (lib/domain/schedule): day 1, then week 4, 8, 12... */
const SCHEDULED_VISIT = /^(?:day1|week([1-9]\d{0,2}))$/;

/**
 * A visit outside the schedule (a scan on day 33, a lab drawn for symptoms): any number per
 * patient, each dated by its own form; analyses order assessments by that date, never by visit
 * key (lib/analysis/patient-records.ts, lib/forms/tumour-response.ts).
 */
export const UNSCHEDULED_VISIT = "unscheduled";

/**
 * In ODM each unscheduled visit is its own StudyEventData, numbered in the order the forms were
 * saved ("unscheduled-1", "unscheduled-2"): two unscheduled labs are two visits, not one.
 */
export const unscheduledRepeatKey = (n: number) => `${UNSCHEDULED_VISIT}-${n}`;

/** The visit key an ODM StudyEventRepeatKey stands for ("unscheduled-2" is an unscheduled visit). */
export function visitKeyOfRepeatKey(repeatKey: string | null): string | null {
  return repeatKey !== null && /^unscheduled-\d+$/.test(repeatKey) ? UNSCHEDULED_VISIT : repeatKey;
}

export type VisitKeyResolution = { ok: true; visitKey: string | null } | { ok: false; message: string };

/**
 * The visit a new form is filed under, decided on the server from the form's cardinality and
 * the study's schedule, whatever path the request came by (web form, REST, import): a form
 * recorded once per patient has its one fixed key; a visit form names a visit of the
 * schedule at which the study expects that form (docs/protocol.md: treatment visits every
 * `visitIntervalDays`, imaging every `imagingIntervalDays`) or is unscheduled (repeatable);
 * an event form (adverse events) has none. The database holds the same rule (crf_records_visit_key_matches_form and the
 * partial unique index crf_records_one_per_visit), so no path can file a second one.
 */
export function resolveVisitKey(
  definition: Pick<FormDefinition, "type" | "placement" | "fixedVisitKey">,
  requested: string | null | undefined,
  schedule: Pick<ScheduleConfig, "visitIntervalDays" | "imagingIntervalDays" | "visitForms" | "imagingForms">,
): VisitKeyResolution {
  const given = requested ?? null;
  if (definition.fixedVisitKey) {
    if (given !== null && given !== definition.fixedVisitKey) {
      return {
        ok: false,
        message: `This form is recorded once per patient, at the ${definition.fixedVisitKey} visit; omit visitKey or send "${definition.fixedVisitKey}"`,
      };
    }
    return { ok: true, visitKey: definition.fixedVisitKey };
  }
  if (definition.placement === "visit") {
    if (given === UNSCHEDULED_VISIT) return { ok: true, visitKey: UNSCHEDULED_VISIT };
    const match = given === null ? null : SCHEDULED_VISIT.exec(given);
    if (!match) return { ok: false, message: 'Name a scheduled visit, e.g. day1, week4 or week8, or "unscheduled"' };
    const week = match[1] === undefined ? null : Number(match[1]);
    if (week !== null && !isVisitOfSchedule(definition.type, week * 7, schedule)) {
      return { ok: false, message: `The study's schedule has no ${definition.type} form at ${given}` };
    }
    return { ok: true, visitKey: given };
  }
  if (given !== null) return { ok: false, message: "This form is recorded as an event, not at a visit; omit visitKey" };
  return { ok: true, visitKey: null };
}

/** Whether the visit on `day` (after day 1) expects `formType`: every visit its visit forms, imaging visits also their imaging forms. */
function isVisitOfSchedule(formType: string, day: number, schedule: Parameters<typeof resolveVisitKey>[2]): boolean {
  if (day % schedule.visitIntervalDays !== 0) return false;
  if (schedule.imagingForms.includes(formType) && !schedule.visitForms.includes(formType))
    return day % schedule.imagingIntervalDays === 0;
  return true;
}
