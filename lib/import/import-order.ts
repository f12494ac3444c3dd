import type { FormDefinition } from "@/lib/forms/form-definition";
import { recordDateOf } from "@/lib/forms/form-dependencies";
import type { ImportForm } from "./import-bundle";

const PLACEMENT_RANK: Record<FormDefinition["placement"], number> = {
  screening: 0,
  baseline: 1,
  visit: 2,
  event: 2,
  "end-of-study": 3,
};

/** day1 -> 1, week4 -> 28: visits in the protocol's order when two forms share a date. */
export function visitDay(visitKey: string | null): number {
  const match = visitKey?.match(/^(day|week)(\d+)$/);
  if (!match) return Number.MAX_SAFE_INTEGER;
  return Number(match[2]) * (match[1] === "week" ? 7 : 1);
}

/**
 * The order a patient's forms are saved in: as a site would have entered them (screening,
 * baseline, then visits and events by date, end of study last), so each form's cross-form
 * checks see the forms it depends on.
 */
export function orderForImport(
  forms: readonly ImportForm[],
  definitionOf: (type: string) => FormDefinition | null,
): ImportForm[] {
  const key = (form: ImportForm) => {
    const definition = definitionOf(form.formType);
    return {
      rank: definition ? PLACEMENT_RANK[definition.placement] : 9,
      date: recordDateOf(form.formType, form.data),
      day: visitDay(form.visitKey),
    };
  };
  return forms
    .map((form, index) => ({ form, index, key: key(form) }))
    .sort(
      (a, b) =>
        a.key.rank - b.key.rank ||
        (a.key.date < b.key.date ? -1 : a.key.date > b.key.date ? 1 : 0) ||
        a.key.day - b.key.day ||
        a.index - b.index,
    )
    .map((entry) => entry.form);
}
