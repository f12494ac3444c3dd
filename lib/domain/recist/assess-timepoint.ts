import { CalcInputError } from "../calc-command";
import {
  DEFAULT_TOO_SMALL_MM,
  sumAssessmentMm,
  sumBaselineDiametersMm,
  type BaselineTargetLesion,
  type LesionMeasurement,
} from "./lesion-sums";
import type { NonTargetResponse, RecistVersion, TargetResponse, TimepointResponse } from "./response-types";
import { classifyTargetResponse } from "./target-response";
import { combineTimepointResponse } from "./timepoint-response";

/** Target-lesion readings of an earlier follow-up assessment (used for the nadir). */
export interface PriorAssessment {
  measurements: readonly LesionMeasurement[];
}

/** The assessment being evaluated. */
export interface CurrentAssessment {
  measurements: readonly LesionMeasurement[];
  nonTargetResponse: NonTargetResponse;
  /** Unequivocal new lesion(s). */
  newLesions: boolean;
}

/** Input of {@link assessTimepoint}. */
export interface AssessTimepointInput {
  version: RecistVersion;
  baseline: readonly BaselineTargetLesion[];
  priorAssessments: readonly PriorAssessment[];
  current: CurrentAssessment;
  /** Value for "too small to measure" lesions, mm; default 5 (RECIST 1.1 section 4.3.2). */
  tooSmallMm?: number;
}

/** Sums, percentages and responses of one assessment. */
export interface TimepointAssessment {
  response: TimepointResponse;
  targetResponse: TargetResponse;
  baselineSumMm: number;
  /** Smallest complete sum so far, baseline included, mm. */
  nadirSumMm: number;
  /** Current sum of the assessed target lesions, mm. */
  currentSumMm: number;
  pctFromBaseline: number;
  pctFromNadir: number | null;
  absoluteChangeFromNadirMm: number;
  /** Target lesions not assessed now (non-empty makes the target response NE unless PD). */
  notAssessedLesionIds: string[];
}

/**
 * Evaluates one assessment from lesion readings matched by lesion id: sums, nadir, percentages,
 * target response and overall timepoint response.
 *
 * Nadir = smallest sum among the baseline and the prior assessments in which every target was
 * assessed (RECIST 1.1 section 4.3.1: "smallest sum on study (this includes the baseline sum)";
 * RECIST 1.0 says "smallest sum LD recorded since the treatment started", read the same way).
 * Incomplete prior assessments are left out: their partial sum understates the disease.
 */
export function assessTimepoint(input: AssessTimepointInput): TimepointAssessment {
  const { version, baseline, current } = input;
  const tooSmallMm = input.tooSmallMm ?? DEFAULT_TOO_SMALL_MM;
  if (baseline.length === 0) throw new CalcInputError("baseline must list at least one target lesion", "baseline");
  if (new Set(baseline.map((l) => l.lesionId)).size !== baseline.length) {
    throw new CalcInputError("baseline lesion ids must be unique", "baseline");
  }
  const baselineSumMm = sumBaselineDiametersMm(version, baseline);
  let nadirSumMm = baselineSumMm;
  for (const prior of input.priorAssessments) {
    const sum = sumAssessmentMm(version, baseline, prior.measurements, tooSmallMm);
    if (sum.notAssessedLesionIds.length === 0 && sum.sumMm < nadirSumMm) nadirSumMm = sum.sumMm;
  }
  const now = sumAssessmentMm(version, baseline, current.measurements, tooSmallMm);
  const target = classifyTargetResponse({
    version,
    baselineSumMm,
    nadirSumMm,
    currentSumMm: now.sumMm,
    allTargetsResolved: now.allResolved,
    allTargetsEvaluated: now.notAssessedLesionIds.length === 0,
  });
  return {
    response: combineTimepointResponse({
      targetResponse: target.targetResponse,
      nonTargetResponse: current.nonTargetResponse,
      newLesions: current.newLesions,
    }),
    targetResponse: target.targetResponse,
    baselineSumMm,
    nadirSumMm,
    currentSumMm: now.sumMm,
    pctFromBaseline: target.pctFromBaseline,
    pctFromNadir: target.pctFromNadir,
    absoluteChangeFromNadirMm: target.absoluteChangeFromNadirMm,
    notAssessedLesionIds: now.notAssessedLesionIds,
  };
}
