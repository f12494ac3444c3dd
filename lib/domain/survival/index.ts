/**
 * Survival analysis for Trialdesk: Kaplan-Meier with Greenwood variance, pointwise
 * confidence intervals, median survival with R-compatible and Collett symmetric intervals,
 * survival and numbers at risk at chosen times, reverse-KM median follow-up, and PFS/OS
 * derivation from dates. Validated against R survival 3.5 (see reference/km-reference.R).
 */
export { estimateKaplanMeier, findStepIndex, type KaplanMeierFit, type KaplanMeierRow } from "./kaplan-meier";
export {
  CONF_TYPES,
  computeSurvivalCi,
  type ConfType,
  type PointwiseConfType,
  type SurvivalCi,
} from "./confidence-interval";
export { CURVE_TOLERANCE, findCurveMedianAsPrinted, findCurveQuantile } from "./curve-quantile";
export { estimateMedianSurvival, type MedianEstimate, type MedianOptions, type MedianRule } from "./median-survival";
export { estimateCollettMedianCi, type CollettMedianDetail } from "./collett-median";
export {
  countAtRisk,
  getSurvivalAtTimes,
  toPointwiseConfType,
  type SurvivalAtOptions,
  type SurvivalPoint,
} from "./survival-at-times";
export { estimateMedianFollowUp } from "./median-follow-up";
export {
  DAYS_PER_MONTH,
  deriveSurvivalEndpoints,
  type EndpointTime,
  type SurvivalDates,
  type SurvivalEndpoints,
} from "./survival-endpoints";
export { computeCriticalZ } from "./normal-quantile";
export { survivalCalcCommands } from "./calc-commands";
