/**
 * The pre-treatment baseline a laboratory value is graded against.
 * CTCAE v5.0 (NCI, 27 Nov 2017) grades bilirubin, AST, ALT, ALP and creatinine against
 * "baseline", the patient's value before treatment; an on-treatment value is never a baseline,
 * or a rising liver test would be graded against its own rise and hidden.
 */

/** One earlier result of the same test: its sample date (ISO yyyy-mm-dd) and whatever the caller keeps with it. */
export interface BaselineCandidate {
  sampleDate: string;
}

export type BaselineChoice<C extends BaselineCandidate> =
  /** The graded sample was itself taken on or before the start of treatment: it is a baseline, not graded against one. */
  | { status: "pre-treatment" }
  /** The last value sampled on or before the start of treatment. */
  | { status: "found"; candidate: C }
  /** An on-treatment sample with no pre-treatment value: graded as if the baseline were normal, and said so. */
  | { status: "missing" };

/**
 * When treatment started, for the pre-/on-treatment cut: the first dosing record's date; with
 * no dosing recorded yet, the last day the protocol allows for day 1 (enrollment + the day-1
 * window), so labs of later visits count as on treatment even before dosing is entered. Null
 * when the patient is not enrolled (nothing is on treatment).
 */
export function treatmentStartOf(
  firstDoseDate: string | null,
  enrollmentDate: string | null,
  dayOneWindowDays: number,
): string | null {
  if (firstDoseDate) return firstDoseDate;
  if (!enrollmentDate) return null;
  return new Date(Date.parse(`${enrollmentDate}T00:00:00Z`) + dayOneWindowDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The baseline for a sample dated `sampleDate`: the last candidate sampled on or before
 * `treatmentStart` (a sample on the day of the first dose counts as pre-treatment: day-1 labs
 * are drawn before the dose). Candidates after the start are never chosen. Among candidates of
 * one date the later one in the list wins (the caller lists them oldest first).
 */
export function choosePreTreatmentBaseline<C extends BaselineCandidate>(
  candidates: readonly C[],
  sampleDate: string,
  treatmentStart: string | null,
): BaselineChoice<C> {
  if (treatmentStart === null || sampleDate <= treatmentStart) return { status: "pre-treatment" };
  let chosen: C | null = null;
  for (const candidate of candidates) {
    if (candidate.sampleDate > treatmentStart) continue;
    if (!chosen || candidate.sampleDate >= chosen.sampleDate) chosen = candidate;
  }
  return chosen ? { status: "found", candidate: chosen } : { status: "missing" };
}
