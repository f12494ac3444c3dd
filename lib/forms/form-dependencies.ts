/**
 * Which forms' computed values read which other forms of the same patient (through
 * FormContext), declared once. When a record of a form type changes or is withdrawn,
 * every record of a dependent type is recomputed (lib/data/recompute-dependents.ts), so a
 * stored value never describes data that no longer exist. Keep this table in step with the
 * `compute` functions: a compute that starts reading another form must be listed here.
 */
export interface FormDependency {
  /** The form types whose data or computed values this form's compute reads. */
  dependsOn: readonly string[];
  /**
   * The data field that orders this form's records in time. Chains (the previous dosing
   * visit's dispensed capsules, the tumour nadir) are recomputed oldest first, so each record
   * sees its predecessors' fresh values. Null for a form recorded once.
   */
  dateField: string | null;
  /**
   * Of these `dependsOn` types, compute reads only the earliest record's date (the first dose),
   * so a change that leaves that date where it was recomputes nothing (a new dosing visit does
   * not regrade every lab panel).
   */
  readsOnlyFirstDateOf?: readonly string[];
}

export const FORM_DEPENDENCIES: Readonly<Record<string, FormDependency>> = {
  // Weight change and compliance are measured against the previous dosing visit (lib/forms/dosing/dosing-history).
  dosing: { dependsOn: ["dosing"], dateField: "visitDate" },
  // CTCAE v5.0 grades liver tests and creatinine against the last pre-treatment labs value, i.e.
  // on or before the first dose (lib/forms/labs/compute-labs): the first dosing date moves that cut.
  labs: { dependsOn: ["labs", "dosing"], dateField: "sampleDate", readsOnlyFirstDateOf: ["dosing"] },
  // RECIST: change from the baseline sum and from the nadir of the earlier assessments (lib/forms/tumour-response).
  "tumour-assessment": { dependsOn: ["tumour-baseline", "tumour-assessment"], dateField: "assessmentDate" },
  // PFS uses the first assessment whose timepoint response is PD, and the last assessment for censoring.
  "end-of-study": { dependsOn: ["tumour-assessment"], dateField: null },
};

/**
 * The form types to recompute after a change to `changedType`, dependencies before their
 * dependents (a tumour assessment before the end-of-study form that reads its response).
 */
export function listDependentFormTypes(changedType: string, dependencies: Readonly<Record<string, FormDependency>> = FORM_DEPENDENCIES): string[] {
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
    for (const dependency of dependencies[type]?.dependsOn ?? []) if (affected.has(dependency)) visit(dependency, [...path, type]);
    ordered.push(type);
  };
  for (const type of affected) visit(type, []);
  return ordered;
}

/** The record's date for ordering (ISO yyyy-mm-dd), or "" when the form has none. */
export function recordDateOf(formType: string, data: unknown, dependencies: Readonly<Record<string, FormDependency>> = FORM_DEPENDENCIES): string {
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
