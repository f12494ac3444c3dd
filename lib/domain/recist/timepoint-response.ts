import type { NonTargetResponse, TargetResponse, TimepointResponse } from "./response-types";

/** What is combined into the overall response of one assessment. */
export interface TimepointComponents {
  targetResponse: TargetResponse;
  nonTargetResponse: NonTargetResponse;
  /** Unequivocal new lesion(s) seen (RECIST 1.1 section 4.3.5: equivocal findings are not PD until confirmed). */
  newLesions: boolean;
}

/**
 * Overall timepoint response for a patient with target lesions.
 * RECIST 1.0 (Therasse 2000), Evaluation of best overall response, response table;
 * RECIST 1.1 section 4.4.1, Table 1. Rows not in the 1.0 table (target CR with non-target
 * NE) follow 1.1 Table 1: PR.
 */
export function combineTimepointResponse({
  targetResponse,
  nonTargetResponse,
  newLesions,
}: TimepointComponents): TimepointResponse {
  // RECIST 1.1 Table 1: "Any | Any | Yes -> PD", "PD | Any -> PD", "Any | PD -> PD" (1.0 table identical).
  if (newLesions || targetResponse === "PD" || nonTargetResponse === "PD") return "PD";
  // RECIST 1.1 Table 1: "Not all evaluated | Non-PD | No -> NE".
  if (targetResponse === "NE") return "NE";
  if (targetResponse === "CR") {
    // RECIST 1.1 Table 1: "CR | CR | No -> CR"; no non-target disease at all counts like non-target CR.
    if (nonTargetResponse === "CR" || nonTargetResponse === "ABSENT") return "CR";
    // RECIST 1.1 Table 1: "CR | Non-CR/non-PD -> PR" and "CR | Not evaluated -> PR"; 1.0: "CR | Incomplete response/SD -> PR".
    return "PR";
  }
  // RECIST 1.1 Table 1: "PR | Non-PD or not all evaluated -> PR", "SD | Non-PD or not all evaluated -> SD".
  return targetResponse;
}
