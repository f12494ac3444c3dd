import {
  classifyFormState,
  listExpectedVisits,
  type ExpectedVisit,
  type FormState,
  type ScheduleConfig,
} from "./visit-schedule";

/** A saved form as the schedule needs it. */
export interface ScheduledRecord {
  formType: string;
  visitKey: string | null;
  status: "IN_PROGRESS" | "COMPLETE";
}

export interface VisitFormState<R extends ScheduledRecord = ScheduledRecord> {
  formType: string;
  state: FormState;
  record: R | null;
}

/**
 * Every visit expected from day 1 until `until`, each expected form with its state and the
 * record that fills it (the patient timeline and the data-quality dashboard share this).
 */
export function listVisitFormStates<R extends ScheduledRecord>(
  enrollmentDate: string,
  until: string,
  records: readonly R[],
  config: ScheduleConfig,
): (ExpectedVisit & { formStates: VisitFormState<R>[] })[] {
  return listExpectedVisits(enrollmentDate, until, config).map((visit) => ({
    ...visit,
    formStates: visit.forms.map((formType) => {
      const record = records.find((r) => r.formType === formType && r.visitKey === visit.key) ?? null;
      const recorded = record ? (record.status === "COMPLETE" ? "complete" : "in-progress") : null;
      return { formType, record, state: classifyFormState(recorded, visit.windowEndDate, until) };
    }),
  }));
}
