/**
 * Statistical tests for Trialdesk, validated against R 4.2 / survival 3.5
 * (reference/statistics-reference.R writes the fixtures the tests compare to):
 * k-group log-rank test (survdiff), Cox proportional hazards (coxph, Efron or Breslow ties),
 * exact Clopper-Pearson binomial interval (binom.test), and the special functions behind them.
 * Pure functions; invalid input throws CalcInputError naming the field.
 */
export {
  compareSurvivalLogRank,
  type GroupLabel,
  type LogRankGroup,
  type LogRankInput,
  type LogRankResult,
} from "./log-rank";
export { fitCoxModel, type CoxModelInput, type CoxModelResult, type CoxTerm } from "./cox-model";
export {
  computeCoxLikelihood,
  prepareCoxDesign,
  type CoxDesign,
  type CoxLikelihood,
  type CoxTies,
} from "./cox-likelihood";
export { computeBinomialCi, type BinomialCi, type BinomialCiInput } from "./binomial-ci";
export { sortIndicesByTime, validateSurvivalData, type SurvivalData } from "./survival-input";
export { computeLogBeta, computeLogGamma } from "./log-gamma";
export { computeRegularizedGammaP, computeRegularizedGammaQ } from "./incomplete-gamma";
export { computeBetaQuantile, computeRegularizedBeta } from "./incomplete-beta";
export { computeNormalCdf, computeNormalQuantile, computeNormalUpperTail } from "./normal-distribution";
export { computeChiSquareUpperTail } from "./chi-square";
export {
  describeSimonDesign,
  findSimonDesigns,
  type SimonDesign,
  type SimonDesigns,
  type SimonInput,
} from "./simon-two-stage";
export {
  checkToxicityBoundary,
  computeToxicityPosterior,
  findToxicityBoundary,
  tabulateToxicityBoundary,
  type ToxicityCheck,
  type ToxicityRule,
} from "./beta-binomial-monitoring";
export { statisticsCalcCommands } from "./calc-commands";
