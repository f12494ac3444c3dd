/**
 * RECIST response vocabularies and the labels shown to clinicians.
 * Codes are the abbreviations used on CRFs (CR, PR, SD, PD, NE) so exports stay readable.
 */

/** RECIST 1.0 (Therasse et al., JNCI 2000;92:205-216) is the trial's protocol criteria; 1.1 (Eisenhauer et al., Eur J Cancer 2009;45:228-247) is the second mode. */
export const RECIST_VERSIONS = ["1.0", "1.1"] as const;
/** A RECIST version: "1.0" or "1.1". */
export type RecistVersion = (typeof RECIST_VERSIONS)[number];

/** Response categories for target lesions, a timepoint and the best overall response. */
export const RESPONSES = ["CR", "PR", "SD", "PD", "NE"] as const;
/** CR, PR, SD, PD or NE (not evaluable). */
export type Response = (typeof RESPONSES)[number];
/** Response of the target lesions at one assessment (same categories as {@link Response}). */
export type TargetResponse = Response;
/** Overall response at one assessment (timepoint). */
export type TimepointResponse = Response;

/**
 * Non-target lesion categories. ABSENT = the patient had no non-target lesions at baseline,
 * which is what lets a target CR become an overall CR.
 */
export const NON_TARGET_RESPONSES = ["CR", "NON_CR_NON_PD", "PD", "NE", "ABSENT"] as const;
/** Non-target lesion status at one assessment. */
export type NonTargetResponse = (typeof NON_TARGET_RESPONSES)[number];

/** Human-readable labels for {@link Response}. */
export const RESPONSE_LABELS: Readonly<Record<Response, string>> = {
  CR: "Complete response (CR)",
  PR: "Partial response (PR)",
  SD: "Stable disease (SD)",
  PD: "Progressive disease (PD)",
  NE: "Not evaluable (NE)",
};

/** Human-readable labels for {@link NonTargetResponse} (RECIST 1.1 wording). */
export const NON_TARGET_RESPONSE_LABELS: Readonly<Record<NonTargetResponse, string>> = {
  CR: "Complete response (CR)",
  NON_CR_NON_PD: "Non-CR/non-PD",
  PD: "Unequivocal progression (PD)",
  NE: "Not evaluated (NE)",
  ABSENT: "No non-target lesions at baseline",
};

/** Label of a response code. */
export function labelResponse(response: Response): string {
  return RESPONSE_LABELS[response];
}

/**
 * Label of a non-target status in the wording of the given version: RECIST 1.0 called the
 * intermediate category "incomplete response/stable disease".
 */
export function labelNonTargetResponse(version: RecistVersion, response: NonTargetResponse): string {
  // RECIST 1.0 (Therasse 2000), Evaluation of non-target lesions: "Incomplete Response/Stable Disease (SD)"
  if (version === "1.0" && response === "NON_CR_NON_PD") return "Incomplete response/stable disease (IR/SD)";
  return NON_TARGET_RESPONSE_LABELS[response];
}

/** Type guard for a response code read from untyped data. */
export function isResponse(value: unknown): value is Response {
  return typeof value === "string" && (RESPONSES as readonly string[]).includes(value);
}
