/** Where the progression date used for PFS came from. */
export type ProgressionSource = "entered" | "assessments";

export interface ProgressionDate {
  date: string;
  source: ProgressionSource;
  /** The rule, as the form and the analyses show it. */
  rule: string;
}

export const PROGRESSION_RULE =
  "PFS ends at the earliest documented progression: the first tumour assessment with progressive disease (RECIST) or an earlier clinical progression entered on the follow-up form (docs/protocol.md, Endpoints; FDA 2007 guidance on cancer trial endpoints).";

/**
 * The one definition of the progression date, used by the follow-up form, the analyses and
 * the exports alike: the earlier of the first RECIST PD assessment and the progression date
 * the investigator entered. A later entered date cannot move progression past a scan that
 * already documented it; on the same day the scan is the source.
 */
export function earliestProgression(
  enteredDate: string | null | undefined,
  firstPdAssessmentDate: string | null | undefined,
): ProgressionDate | null {
  const entered = enteredDate || null;
  const scan = firstPdAssessmentDate || null;
  if (scan && (!entered || scan <= entered)) return { date: scan, source: "assessments", rule: PROGRESSION_RULE };
  if (entered) return { date: entered, source: "entered", rule: PROGRESSION_RULE };
  return null;
}
