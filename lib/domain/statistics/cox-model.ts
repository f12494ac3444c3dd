import { CalcInputError } from "../calc-command";
import { computeChiSquareUpperTail } from "./chi-square";
import { computeCoxLikelihood, prepareCoxDesign, type CoxLikelihood, type CoxTies } from "./cox-likelihood";
import { computeNormalQuantile, computeNormalUpperTail } from "./normal-distribution";
import { validateSurvivalData, type SurvivalData } from "./survival-input";
import {
  factorizeCholesky,
  getMatrixElement,
  invertCholesky,
  solveCholesky,
  type SquareMatrix,
} from "./symmetric-matrix";

// Defaults of R survival::coxph.control() (v3.5): eps 1e-9, iter.max 20, toler.inf sqrt(eps).
const CONVERGENCE_EPS = 1e-9;
const DEFAULT_MAX_ITERATIONS = 20;
const INFINITE_TOLERANCE = Math.sqrt(CONVERGENCE_EPS);

/** Input of fitCoxModel: survival data and one or a few numeric covariates (0/1 for binary ones). */
export interface CoxModelInput extends SurvivalData {
  /** Covariate name -> one value per patient; terms are reported in this key order. */
  covariates: Record<string, readonly number[]>;
  /** Tie handling, default "efron" (as R coxph). */
  ties?: CoxTies;
  /** Newton-Raphson iteration limit, default 20 (R coxph.control iter.max). */
  maxIterations?: number;
}

/** One covariate of a fitted Cox model. */
export interface CoxTerm {
  name: string;
  /** log hazard ratio per unit of the covariate. */
  coef: number;
  /** Standard error of coef (from the inverse information). */
  se: number;
  /** Hazard ratio exp(coef). */
  hr: number;
  /** 95% Wald confidence limits of the hazard ratio, exp(coef ∓ 1.96 se). */
  lower: number;
  upper: number;
  /** Wald z = coef / se and its two-sided p-value. */
  z: number;
  p: number;
  /** Likelihood still rising along this coefficient at the end (monotone likelihood): the MLE may be infinite. */
  possiblyInfinite: boolean;
}

/** A fitted Cox proportional hazards model (R: coxph(Surv(time, event) ~ ..., ties = ...)). */
export interface CoxModelResult {
  terms: CoxTerm[];
  /** Log partial likelihood at the fit and at beta = 0. */
  logLik: number;
  logLikNull: number;
  /** Likelihood-ratio test 2 (logLik − logLikNull) on lrDf = number of covariates. */
  lrChisq: number;
  lrDf: number;
  lrP: number;
  /** Wald test beta' I(beta) beta. */
  waldChisq: number;
  waldP: number;
  /** Score (log-rank type) test U(0)' I(0)⁻ U(0). */
  scoreChisq: number;
  scoreP: number;
  /** Newton-Raphson iterations used (R: fit$iter). */
  iterations: number;
  /** false when the iteration limit was reached before the log-likelihood settled. */
  converged: boolean;
  ties: CoxTies;
  n: number;
  nEvent: number;
  /** Human-readable warnings (non-convergence, possibly infinite coefficients). */
  warnings: string[];
}

/**
 * Fits a Cox proportional hazards model by Newton-Raphson with step-halving, as R's coxph:
 * stop when |1 − logLik_old / logLik_new| <= 1e-9 (after a full step), at most 20 iterations.
 * Cox DR. J R Stat Soc B 1972;34:187-220; algorithm of Therneau TM, survival (R) src/coxfit6.c v3.5.
 * Throws CalcInputError for all-censored data, bad arrays, or a constant / collinear covariate.
 */
export function fitCoxModel(input: CoxModelInput): CoxModelResult {
  const names = Object.keys(input.covariates);
  const columns = names.map((name) => input.covariates[name] ?? []);
  validateCoxInput(input, names, columns);
  const ties = input.ties ?? "efron";
  const nEvent = input.event.reduce<number>((sum, e) => sum + e, 0);
  const design = prepareCoxDesign(input.time, input.event, columns);
  const p = names.length;
  const maxIterations = input.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new CalcInputError(`maxIterations must be a whole number >= 1, got ${maxIterations}`, "maxIterations");
  }

  const initial = computeCoxLikelihood(design, new Array<number>(p).fill(0), ties);
  const initialFactor = factorizeCholesky(initial.information);
  if (initialFactor.rank < p) throwSingular(names, initialFactor.factor);
  const initialStep = solveCholesky(initialFactor.factor, initial.score);
  const scoreChisq = dot(initial.score, initialStep);

  let beta = new Array<number>(p).fill(0);
  let next = initialStep.slice();
  let previousLogLik = initial.logLik;
  let halving = false;
  let converged = false;
  let iterations = 0;
  let current: CoxLikelihood = initial;
  for (iterations = 1; iterations <= maxIterations; iterations++) {
    current = computeCoxLikelihood(design, next, ties);
    if (!halving && Math.abs(1 - previousLogLik / current.logLik) <= CONVERGENCE_EPS) {
      converged = true;
      break;
    }
    if (iterations === maxIterations) break;
    if (!(current.logLik >= previousLogLik)) {
      // The full step overshot: go back half way towards the last accepted point.
      halving = true;
      next = next.map((value, i) => (value + (beta[i] ?? 0)) / 2);
    } else {
      halving = false;
      previousLogLik = current.logLik;
      const step = solveCholesky(factorizeCholesky(current.information).factor, current.score);
      beta = next;
      next = next.map((value, i) => value + (step[i] ?? 0));
    }
  }
  iterations = Math.min(iterations, maxIterations);
  return summarizeCoxFit({
    names,
    coef: next,
    fit: current,
    initial,
    scoreChisq,
    iterations,
    converged,
    ties,
    n: input.time.length,
    nEvent,
  });
}

function validateCoxInput(input: CoxModelInput, names: string[], columns: (readonly number[])[]): void {
  if (names.length === 0) throw new CalcInputError("covariates must name at least one covariate", "covariates");
  validateSurvivalData(input, Object.fromEntries(names.map((name, i) => [`covariates.${name}`, columns[i] ?? []])));
  names.forEach((name, j) =>
    (columns[j] ?? []).forEach((value, i) => {
      if (!Number.isFinite(value))
        throw new CalcInputError(
          `covariates.${name}[${i}] must be a finite number, got ${value}`,
          `covariates.${name}`,
        );
    }),
  );
  if (!input.event.some((e) => e === 1)) {
    throw new CalcInputError("Cox model needs at least one event: all patients are censored", "event");
  }
}

function throwSingular(names: string[], factor: SquareMatrix): never {
  const redundant = names.filter((_, i) => getMatrixElement(factor, i, i) === 0);
  throw new CalcInputError(
    `covariate(s) ${redundant.join(", ")} carry no information (constant among patients at risk, or collinear with another covariate)`,
    `covariates.${redundant[0] ?? ""}`,
  );
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
}

interface FitSummaryInput {
  names: string[];
  coef: number[];
  fit: CoxLikelihood;
  initial: CoxLikelihood;
  scoreChisq: number;
  iterations: number;
  converged: boolean;
  ties: CoxTies;
  n: number;
  nEvent: number;
}

function summarizeCoxFit(s: FitSummaryInput): CoxModelResult {
  const p = s.names.length;
  const variance = invertCholesky(factorizeCholesky(s.fit.information).factor);
  const z975 = computeNormalQuantile(0.975);
  const warnings: string[] = [];
  if (!s.converged) warnings.push(`did not converge in ${s.iterations} iterations`);
  const terms = s.names.map((name, i) => {
    const coef = s.coef[i] ?? Number.NaN;
    const se = Math.sqrt(getMatrixElement(variance, i, i));
    // coxph's check: the remaining Newton step |U' V|_i is not negligible relative to coef.
    let remainingStep = 0;
    for (let j = 0; j < p; j++) remainingStep += (s.fit.score[j] ?? 0) * getMatrixElement(variance, j, i);
    remainingStep = Math.abs(remainingStep);
    const possiblyInfinite =
      !Number.isFinite(remainingStep) ||
      (remainingStep > CONVERGENCE_EPS && remainingStep > INFINITE_TOLERANCE * Math.abs(coef));
    if (possiblyInfinite) warnings.push(`coefficient of ${name} may be infinite (monotone likelihood)`);
    const z = coef / se;
    return {
      name,
      coef,
      se,
      hr: Math.exp(coef),
      lower: Math.exp(coef - z975 * se),
      upper: Math.exp(coef + z975 * se),
      z,
      p: 2 * computeNormalUpperTail(Math.abs(z)),
      possiblyInfinite,
    };
  });
  const lrChisq = Math.max(0, 2 * (s.fit.logLik - s.initial.logLik));
  let waldChisq = 0;
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++)
      waldChisq += (s.coef[i] ?? 0) * getMatrixElement(s.fit.information, i, j) * (s.coef[j] ?? 0);
  return {
    terms,
    logLik: s.fit.logLik,
    logLikNull: s.initial.logLik,
    lrChisq,
    lrDf: p,
    lrP: computeChiSquareUpperTail(lrChisq, p),
    waldChisq,
    waldP: computeChiSquareUpperTail(waldChisq, p),
    scoreChisq: s.scoreChisq,
    scoreP: computeChiSquareUpperTail(s.scoreChisq, p),
    iterations: s.iterations,
    converged: s.converged,
    ties: s.ties,
    n: s.n,
    nEvent: s.nEvent,
    warnings,
  };
}
