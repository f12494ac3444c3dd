import { CalcInputError } from "../calc-command";
import { findConfirmedResponse } from "./confirmation";
import { parseIsoDateToDayNumber } from "../iso-date";
import type { RecistVersion, Response, TimepointResponse } from "./response-types";

/** RECIST 1.0 (Therasse 2000), Confirmation: CR/PR confirmed by a repeat assessment no less than 4 weeks later. RECIST 1.1 section 4.6.1: same. */
export const DEFAULT_CONFIRMATION_DAYS = 28;
/**
 * Minimum time from treatment start for SD to count. RECIST 1.0, Confirmation / RECIST 1.1 section 4.4.3:
 * "in general not less than 6-8 weeks", set by the protocol. Default 42 days (6 weeks); pass 56 for 8 weeks.
 */
export const DEFAULT_MIN_SD_DAYS = 42;

/** One overall timepoint response with its assessment date. */
export interface ResponseTimepoint {
  /** Assessment (scan) date, ISO yyyy-mm-dd. */
  date: string;
  response: TimepointResponse;
}

/** Input of {@link determineBestOverallResponse}. */
export interface BestOverallResponseInput {
  version: RecistVersion;
  /** Treatment start date, ISO yyyy-mm-dd: the SD minimum duration is counted from it. */
  startDate: string;
  timepoints: readonly ResponseTimepoint[];
  /** Minimum days between a CR/PR and its confirming assessment; default 28. */
  confirmationDays?: number;
  /** Minimum days from startDate for SD to count as best response; default 42. */
  minSdDays?: number;
  /** Confirmation of CR/PR required (non-randomised trials, RECIST 1.1 section 4.6.1); default true. */
  requireConfirmation?: boolean;
}

/** Best overall response of one patient with the dates it rests on. */
export interface BestOverallResponseResult {
  bestOverallResponse: Response;
  /** True when the CR/PR reported is confirmed by a later assessment. */
  confirmed: boolean;
  /** First date the CR/PR criteria were met (start of the duration of response, RECIST 1.1 section 4.6.2). */
  firstResponseDate?: string;
  /** Date of the assessment confirming the response. */
  confirmationDate?: string;
  /** Date of the first PD timepoint (progression event for PFS). */
  progressionDate?: string;
  /** Plain-language steps, for the audit trail and the CRF. */
  reasoning: string[];
}

function sortAndCheck(startDate: string, timepoints: readonly ResponseTimepoint[]): ResponseTimepoint[] {
  const startDay = parseIsoDateToDayNumber(startDate, "startDate");
  const seen = new Set<string>();
  for (const tp of timepoints) {
    const day = parseIsoDateToDayNumber(tp.date, "timepoints.date");
    if (day < startDay)
      throw new CalcInputError(`assessment ${tp.date} is before the treatment start ${startDate}`, "timepoints.date");
    if (seen.has(tp.date))
      throw new CalcInputError(
        `two assessments on ${tp.date}: record one overall response per date`,
        "timepoints.date",
      );
    seen.add(tp.date);
  }
  return [...timepoints].sort((a, b) => parseIsoDateToDayNumber(a.date) - parseIsoDateToDayNumber(b.date));
}

/** Date of the first PD timepoint (the progression event for PFS), or null when none. */
export function findProgressionDate(timepoints: readonly ResponseTimepoint[]): string | null {
  const pds = timepoints.filter((tp) => tp.response === "PD").map((tp) => tp.date);
  if (pds.length === 0) return null;
  return pds.reduce((a, b) => (parseIsoDateToDayNumber(b) < parseIsoDateToDayNumber(a) ? b : a));
}

/**
 * Best overall response over a patient's timepoints (RECIST 1.0, Evaluation of best overall
 * response and Confirmation; RECIST 1.1 section 4.4.3, Table 3, and section 4.6).
 * 1. Only assessments before the first PD count ("until disease progression").
 * 2. CR needs a later CR >= confirmationDays after it, with only CR/NE between; PR needs a later
 *    PR/CR with only PR/CR/NE between. NE neither confirms nor breaks a confirmation.
 * 3. Otherwise SD if any SD, or unconfirmed PR/CR, was recorded >= minSdDays after start.
 * 4. Otherwise PD if progression followed (Table 3 "otherwise PD"), else NE.
 */
export function determineBestOverallResponse(input: BestOverallResponseInput): BestOverallResponseResult {
  const confirmationDays = input.confirmationDays ?? DEFAULT_CONFIRMATION_DAYS;
  const minSdDays = input.minSdDays ?? DEFAULT_MIN_SD_DAYS;
  const requireConfirmation = input.requireConfirmation ?? true;
  const sorted = sortAndCheck(input.startDate, input.timepoints);
  const startDay = parseIsoDateToDayNumber(input.startDate);
  const reasoning: string[] = [];
  const pdIndex = sorted.findIndex((tp) => tp.response === "PD");
  const progressionDate = pdIndex >= 0 ? sorted[pdIndex]?.date : undefined;
  const considered = pdIndex >= 0 ? sorted.slice(0, pdIndex) : sorted;
  const dates = progressionDate ? { progressionDate } : {};
  if (progressionDate) {
    const ignored = sorted.length - pdIndex - 1;
    reasoning.push(`First PD on ${progressionDate}${ignored > 0 ? `; ${ignored} later assessment(s) ignored` : ""}.`);
  }

  const confirmation = findConfirmedResponse(considered, confirmationDays);
  reasoning.push(...confirmation.reasoning);
  if (!requireConfirmation) {
    // RECIST 1.1 section 4.6.1: in randomised trials confirmation is not required; the best recorded response stands.
    const best = (["CR", "PR"] as const).find((r) => considered.some((tp) => tp.response === r));
    const first = considered.find((tp) => tp.response === "CR" || tp.response === "PR");
    if (best && first) {
      reasoning.push(`Confirmation not required: best recorded response ${best} (first CR/PR on ${first.date}).`);
      const confirmed = confirmation.response === best;
      return {
        bestOverallResponse: best,
        confirmed,
        firstResponseDate: first.date,
        ...(confirmed ? { confirmationDate: confirmation.dates.confirmationDate } : {}),
        ...dates,
        reasoning,
      };
    }
  }
  if (confirmation.response) {
    return { bestOverallResponse: confirmation.response, confirmed: true, ...confirmation.dates, ...dates, reasoning };
  }

  const sd = considered.find(
    (tp) =>
      (tp.response === "SD" || tp.response === "PR" || tp.response === "CR") &&
      parseIsoDateToDayNumber(tp.date) - startDay >= minSdDays,
  );
  if (sd) {
    const note = sd.response === "SD" ? "" : ` (unconfirmed ${sd.response} counts as SD, RECIST 1.1 Table 3)`;
    reasoning.push(
      `SD criteria met on ${sd.date}, ${parseIsoDateToDayNumber(sd.date) - startDay} days after start >= ${minSdDays}${note}.`,
    );
    return { bestOverallResponse: "SD", confirmed: false, ...dates, reasoning };
  }
  const early = considered.some((tp) => tp.response !== "NE");
  if (early) reasoning.push(`No SD (or better) assessment at least ${minSdDays} days after start ${input.startDate}.`);
  if (progressionDate) {
    reasoning.push("Best response PD: progression before the SD minimum duration was met (RECIST 1.1 Table 3).");
    return { bestOverallResponse: "PD", confirmed: false, ...dates, reasoning };
  }
  reasoning.push("Best response NE: no assessment qualifies (RECIST 1.1 Table 3, 'otherwise NE').");
  return { bestOverallResponse: "NE", confirmed: false, ...dates, reasoning };
}
