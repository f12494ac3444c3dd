import { parseIsoDateToDayNumber } from "../iso-date";
import type { TimepointResponse } from "./response-types";

/** A dated response, as used for confirmation. */
interface DatedResponse {
  date: string;
  response: TimepointResponse;
}

/** A confirmed CR or PR with its dates, or none. */
export interface ConfirmationResult {
  response?: "CR" | "PR";
  dates: { firstResponseDate?: string; confirmationDate?: string };
  reasoning: string[];
}

const IS_RESPONSE: Record<"CR" | "PR", ReadonlySet<TimepointResponse>> = {
  // A CR is confirmed only by a later CR; NE between is no evidence either way (RECIST 1.1 section 4.4.2).
  CR: new Set<TimepointResponse>(["CR"]),
  // A PR is confirmed by a later PR or CR (RECIST 1.1 Table 3: "PR then CR -> PR").
  PR: new Set<TimepointResponse>(["PR", "CR"]),
};

function findPair(timepoints: readonly DatedResponse[], level: "CR" | "PR", minDays: number): [number, number] | null {
  const qualifies = IS_RESPONSE[level];
  for (let i = 0; i < timepoints.length; i++) {
    const first = timepoints[i];
    if (!first || !qualifies.has(first.response)) continue;
    for (let j = i + 1; j < timepoints.length; j++) {
      const later = timepoints[j];
      if (!later) break;
      if (later.response === "NE") continue;
      // An SD (or, for CR, a PR) in between breaks the run: the response did not persist.
      if (!qualifies.has(later.response)) break;
      if (parseIsoDateToDayNumber(later.date) - parseIsoDateToDayNumber(first.date) >= minDays) return [i, j];
    }
  }
  return null;
}

/** Earliest PR/CR date of the uninterrupted responding run that ends at index `i` (NE does not interrupt). */
function findRunStart(timepoints: readonly DatedResponse[], i: number): string | undefined {
  let start = timepoints[i]?.date;
  for (let k = i - 1; k >= 0; k--) {
    const tp = timepoints[k];
    if (!tp || (tp.response !== "PR" && tp.response !== "CR" && tp.response !== "NE")) break;
    if (tp.response !== "NE") start = tp.date;
  }
  return start;
}

/**
 * Looks for a confirmed CR, then a confirmed PR, among timepoints already cut at the first PD
 * (RECIST 1.0, Confirmation: repeat assessment no less than 4 weeks after the criteria are first
 * met; RECIST 1.1 section 4.6.1 and Table 3).
 */
export function findConfirmedResponse(timepoints: readonly DatedResponse[], minDays: number): ConfirmationResult {
  for (const level of ["CR", "PR"] as const) {
    const pair = findPair(timepoints, level, minDays);
    if (!pair) continue;
    const [i, j] = pair;
    const first = timepoints[i];
    const confirming = timepoints[j];
    if (!first || !confirming) continue;
    const reasoning = [
      `${level} on ${first.date} confirmed by ${confirming.response} on ${confirming.date} (>= ${minDays} days later).`,
    ];
    const run = timepoints.slice(i, j + 1).map((tp) => tp.response);
    if (level === "PR" && run.includes("CR") && run.indexOf("CR") < run.lastIndexOf("PR")) {
      // RECIST 1.1 Table 3 footnote a: a CR followed by PR means the CR was really a PR.
      reasoning.push("CR followed by PR: the earlier CR is taken to have been a PR (RECIST 1.1 Table 3, footnote a).");
    }
    if (run.includes("NE"))
      reasoning.push("NE assessment(s) between the response and its confirmation neither confirm nor break it.");
    return {
      response: level,
      dates: { firstResponseDate: findRunStart(timepoints, i), confirmationDate: confirming.date },
      reasoning,
    };
  }
  const unconfirmed = timepoints.find((tp) => tp.response === "CR" || tp.response === "PR");
  const reasoning = unconfirmed
    ? [
        `${unconfirmed.response} on ${unconfirmed.date} not confirmed by a later assessment >= ${minDays} days later without SD between.`,
      ]
    : [];
  return { dates: {}, reasoning };
}
