import { CalcInputError } from "../calc-command";
import { roundClinical } from "./percent-change";
import type { RecistVersion } from "./response-types";

/** A target lesion as recorded at baseline. */
export interface BaselineTargetLesion {
  lesionId: string;
  isLymphNode: boolean;
  longestDiameterMm: number;
  /** Short axis, mm: required for lymph nodes under RECIST 1.1, which sums nodes by short axis. */
  shortAxisMm?: number;
}

/**
 * A follow-up reading of one target lesion. `diameterMm` is the dimension that enters the sum:
 * the longest diameter, or for RECIST 1.1 lymph nodes the short axis.
 */
export type LesionMeasurement =
  | { lesionId: string; status: "measured"; diameterMm: number }
  /** Present but too small to measure: a default value is used (see DEFAULT_TOO_SMALL_MM). */
  | { lesionId: string; status: "too-small" }
  /** Judged to have disappeared: 0 mm. */
  | { lesionId: string; status: "disappeared" }
  /** Not imaged or not readable at this assessment. */
  | { lesionId: string; status: "not-assessed" };

/**
 * RECIST 1.1 section 4.3.2 (Target lesions that become too small to measure): a lesion believed present
 * but too faint to measure is recorded as 5 mm (nodes too); one believed gone as 0 mm. RECIST 1.0 has no
 * rule; Trialdesk applies the same 5 mm so a faint lesion can neither count as disappeared (false CR)
 * nor give a spuriously small nadir.
 */
export const DEFAULT_TOO_SMALL_MM = 5;

/** Diameter of a baseline lesion that enters the sum: 1.0 longest diameter; 1.1 short axis for nodes. */
export function baselineDiameterMm(version: RecistVersion, lesion: BaselineTargetLesion): number {
  // RECIST 1.1 section 4.2: "only the short axis of these nodes will contribute to the baseline sum".
  if (version === "1.1" && lesion.isLymphNode) {
    if (lesion.shortAxisMm === undefined) {
      throw new CalcInputError(
        `${lesion.lesionId}: RECIST 1.1 needs the short axis of a nodal target lesion`,
        "baseline",
      );
    }
    return lesion.shortAxisMm;
  }
  // RECIST 1.0, Baseline documentation: sum of the longest diameter (LD) of all target lesions.
  return lesion.longestDiameterMm;
}

/** Baseline sum of diameters, mm (RECIST 1.0 "baseline sum LD"; RECIST 1.1 section 4.2 "baseline sum diameters"). */
export function sumBaselineDiametersMm(version: RecistVersion, lesions: readonly BaselineTargetLesion[]): number {
  return roundClinical(lesions.reduce((sum, lesion) => sum + baselineDiameterMm(version, lesion), 0));
}

/** Sum of one follow-up assessment, matched to the baseline lesions by id. */
export interface AssessmentSum {
  /** Sum of the lesions that were assessed, mm. */
  sumMm: number;
  /** Baseline lesions without a usable reading at this assessment. */
  notAssessedLesionIds: string[];
  /** Every target meets the CR criterion (1.0: all disappeared; 1.1: non-nodal disappeared, nodes < 10 mm). */
  allResolved: boolean;
}

function measuredValueMm(measurement: LesionMeasurement, tooSmallMm: number): number | null {
  switch (measurement.status) {
    case "measured":
      if (!Number.isFinite(measurement.diameterMm) || measurement.diameterMm < 0) {
        throw new CalcInputError(`${measurement.lesionId}: diameterMm must be >= 0`, "measurements");
      }
      return measurement.diameterMm;
    case "too-small":
      return tooSmallMm;
    case "disappeared":
      return 0;
    case "not-assessed":
      return null;
  }
}

/**
 * Sums a follow-up assessment. A baseline lesion with no reading counts as not assessed;
 * a reading for a lesion id not in the baseline is an error (new lesions are recorded separately).
 */
export function sumAssessmentMm(
  version: RecistVersion,
  baseline: readonly BaselineTargetLesion[],
  measurements: readonly LesionMeasurement[],
  tooSmallMm: number = DEFAULT_TOO_SMALL_MM,
): AssessmentSum {
  const byId = new Map<string, LesionMeasurement>();
  for (const m of measurements) {
    if (byId.has(m.lesionId))
      throw new CalcInputError(`${m.lesionId}: measured twice in one assessment`, "measurements");
    byId.set(m.lesionId, m);
  }
  const known = new Set(baseline.map((l) => l.lesionId));
  const unknown = measurements.find((m) => !known.has(m.lesionId));
  if (unknown) {
    throw new CalcInputError(
      `${unknown.lesionId}: not a baseline target lesion (record new lesions as new lesions)`,
      "measurements",
    );
  }
  let sumMm = 0;
  let allResolved = true;
  const notAssessedLesionIds: string[] = [];
  for (const lesion of baseline) {
    const reading = byId.get(lesion.lesionId);
    const value = reading ? measuredValueMm(reading, tooSmallMm) : null;
    if (value === null) {
      notAssessedLesionIds.push(lesion.lesionId);
      allResolved = false;
      continue;
    }
    sumMm += value;
    // RECIST 1.1 section 4.3.1: CR = all target lesions gone and pathological nodes < 10 mm short axis.
    const resolved = version === "1.1" && lesion.isLymphNode ? value < 10 : value === 0;
    if (!resolved) allResolved = false;
  }
  return { sumMm: roundClinical(sumMm), notAssessedLesionIds, allResolved };
}
