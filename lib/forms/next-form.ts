import { addDays, listExpectedVisits, type ScheduleConfig } from "@/lib/domain/schedule/visit-schedule";
import { getFormDefinition, listFormDefinitions } from "./registry";

/**
 * The form types a visit expects, in the schedule's order ("day1", "week4"...), or null for a
 * key the schedule does not produce. Read from listExpectedVisits itself, so "Save and next"
 * follows the same schedule as the patient timeline.
 */
export function expectedFormsOfVisit(
  visitKey: string,
  enrollmentDate: string,
  config: ScheduleConfig,
): readonly string[] | null {
  const week = /^week(\d+)$/.exec(visitKey);
  if (visitKey !== "day1" && !week) return null;
  const until = week ? addDays(enrollmentDate, Number(week[1]) * 7) : enrollmentDate;
  return listExpectedVisits(enrollmentDate, until, config).find((v) => v.key === visitKey)?.forms ?? null;
}

/**
 * After saving `current`, the next form of the same visit still to be completed: the first
 * incomplete one after it in the visit's order, else the first incomplete one before it; null
 * when every other form of the visit is complete (the user goes back to the patient page).
 */
export function nextExpectedForm(
  visitForms: readonly string[],
  current: string,
  completed: ReadonlySet<string>,
): string | null {
  const index = visitForms.indexOf(current);
  const ordered = index < 0 ? visitForms : [...visitForms.slice(index + 1), ...visitForms.slice(0, index)];
  return ordered.find((formType) => formType !== current && !completed.has(formType)) ?? null;
}

/**
 * Where "Save and next" leads from a form: the next incomplete form of the same visit (or of
 * the same section for screening, baseline and end-of-study forms), as a link; null for event
 * forms (adverse events) and when nothing else in the visit is left to complete.
 */
export function nextFormHref(input: {
  patientId: string;
  formType: string;
  visitKey: string | null;
  enrollmentDate: string | null;
  schedule: ScheduleConfig;
  records: readonly { formType: string; visitKey: string | null; status: string }[];
}): { href: string; title: string } | null {
  const definition = getFormDefinition(input.formType);
  if (!definition || definition.placement === "event") return null;
  const forms =
    definition.placement === "visit"
      ? input.visitKey && input.enrollmentDate
        ? expectedFormsOfVisit(input.visitKey, input.enrollmentDate, input.schedule)
        : null
      : listFormDefinitions(definition.placement).map((d) => d.type);
  if (!forms) return null;
  const visitOf = (formType: string) => getFormDefinition(formType)?.fixedVisitKey ?? input.visitKey;
  const completed = new Set(
    forms.filter((f) =>
      input.records.some((r) => r.formType === f && r.visitKey === visitOf(f) && r.status === "COMPLETE"),
    ),
  );
  const next = nextExpectedForm(forms, input.formType, completed);
  const nextDefinition = next ? getFormDefinition(next) : null;
  if (!next || !nextDefinition) return null;
  const visit = visitOf(next);
  return {
    href: `/patients/${input.patientId}/forms/${next}${visit ? `?visit=${encodeURIComponent(visit)}` : ""}`,
    title: nextDefinition.title,
  };
}
