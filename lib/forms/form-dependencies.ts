import { listFormDefinitions } from "./registry";

/**
 * Which forms' computed values read which other forms of the same patient (through
 * FormContext): each form definition declares it (`dependsOn`, `dateField`,
 * `readsOnlyFirstDateOf`); this is the table recomputation walks. When a record of a form
 * type changes or is withdrawn, every record of a dependent type is recomputed
 * (lib/data/recompute-dependents.ts).
 */
export interface FormDependency {
  dependsOn: readonly string[];
  dateField: string | null;
  readsOnlyFirstDateOf?: readonly string[];
}

export const FORM_DEPENDENCIES: Readonly<Record<string, FormDependency>> = Object.fromEntries(
  listFormDefinitions()
    .filter((definition) => definition.dependsOn?.length)
    .map((definition) => [
      definition.type,
      {
        dependsOn: definition.dependsOn!,
        dateField: definition.dateField ?? null,
        readsOnlyFirstDateOf: definition.readsOnlyFirstDateOf,
      },
    ]),
);

/**
 * The form types to recompute after a change to `changedType`, dependencies before their
 * dependents (a tumour assessment before the end-of-study form that reads its response).
 */
export function listDependentFormTypes(
  changedType: string,
  dependencies: Readonly<Record<string, FormDependency>> = FORM_DEPENDENCIES,
): string[] {
  const affected = new Set<string>();
  const pending = [changedType];
  while (pending.length) {
    const type = pending.shift()!;
    for (const [dependent, { dependsOn }] of Object.entries(dependencies)) {
      if (dependsOn.includes(type) && !affected.has(dependent)) {
        affected.add(dependent);
        pending.push(dependent);
      }
    }
  }
  const ordered: string[] = [];
  const visit = (type: string, path: readonly string[]) => {
    if (ordered.includes(type)) return;
    if (path.includes(type)) return; // a form that reads its own earlier records is ordered by date, not by type
    for (const dependency of dependencies[type]?.dependsOn ?? [])
      if (affected.has(dependency)) visit(dependency, [...path, type]);
    ordered.push(type);
  };
  for (const type of affected) visit(type, []);
  return ordered;
}

/** The record's date for ordering (ISO yyyy-mm-dd), or "" when the form has none. */
export function recordDateOf(
  formType: string,
  data: unknown,
  dependencies: Readonly<Record<string, FormDependency>> = FORM_DEPENDENCIES,
): string {
  const field = dependencies[formType]?.dateField;
  if (!field || typeof data !== "object" || data === null) return "";
  const value = (data as Record<string, unknown>)[field];
  return typeof value === "string" ? value : "";
}

/**
 * Whether a change of a `changedType` record (its dates before and after) can move the
 * earliest date among that type's records, given the other records' dates. It cannot when
 * another record is dated on or before every date the change touches.
 */
export function movesFirstDate(changedDates: readonly string[], otherDates: readonly string[]): boolean {
  const others = otherDates.filter(Boolean);
  if (others.length === 0 || changedDates.length === 0 || !changedDates.every(Boolean)) return true;
  const earliestOther = others.reduce((a, b) => (b < a ? b : a));
  return changedDates.some((date) => date < earliestOther);
}
