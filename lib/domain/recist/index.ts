/**
 * RECIST tumour response: target-lesion selection, sums of diameters, timepoint response and
 * best overall response, for RECIST 1.0 (Therasse et al., JNCI 2000;92:205-216; this trial's
 * criteria) and RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009;45:228-247).
 * All lengths are in millimetres, all dates ISO yyyy-mm-dd.
 */
export {
  RECIST_VERSIONS,
  RESPONSES,
  NON_TARGET_RESPONSES,
  RESPONSE_LABELS,
  NON_TARGET_RESPONSE_LABELS,
  labelResponse,
  labelNonTargetResponse,
  isResponse,
  type RecistVersion,
  type Response,
  type TargetResponse,
  type TimepointResponse,
  type NonTargetResponse,
} from "./response-types";
export {
  IMAGING_TECHNIQUES,
  TARGET_LIMITS,
  NODE_TARGET_MIN_SHORT_AXIS_MM,
  NODE_PATHOLOGICAL_MIN_SHORT_AXIS_MM,
  minimumMeasurableMm,
  validateTargetLesions,
  type ImagingTechnique,
  type TargetLesionCandidate,
  type LesionProblem,
  type LesionProblemCode,
} from "./lesion-selection";
export {
  DEFAULT_TOO_SMALL_MM,
  baselineDiameterMm,
  sumBaselineDiametersMm,
  sumAssessmentMm,
  type BaselineTargetLesion,
  type LesionMeasurement,
  type AssessmentSum,
} from "./lesion-sums";
export { roundClinical, computePercentChange, computeAbsoluteChangeMm } from "./percent-change";
export {
  PR_DECREASE_PCT,
  PD_INCREASE_PCT,
  PD_MIN_ABSOLUTE_INCREASE_MM_V11,
  classifyTargetResponse,
  meetsTargetProgression,
  type TargetSumsInput,
  type TargetResponseResult,
} from "./target-response";
export { combineTimepointResponse, type TimepointComponents } from "./timepoint-response";
export {
  assessTimepoint,
  type AssessTimepointInput,
  type CurrentAssessment,
  type PriorAssessment,
  type TimepointAssessment,
} from "./assess-timepoint";
export {
  DEFAULT_CONFIRMATION_DAYS,
  DEFAULT_MIN_SD_DAYS,
  determineBestOverallResponse,
  findProgressionDate,
  type ResponseTimepoint,
  type BestOverallResponseInput,
  type BestOverallResponseResult,
} from "./best-overall-response";
export { findConfirmedResponse, type ConfirmationResult } from "./confirmation";
export { recistCalcCommands } from "./calc-commands";
