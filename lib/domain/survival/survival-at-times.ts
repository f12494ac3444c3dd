import { CalcInputError } from "../calc-command";
import { computeSurvivalCi, type ConfType, type PointwiseConfType } from "./confidence-interval";
import { findStepIndex, type KaplanMeierFit } from "./kaplan-meier";
import { computeCriticalZ } from "./normal-quantile";

/** The Kaplan-Meier curve read at one time point. */
export interface SurvivalPoint {
  /** The requested time. */
  time: number;
  /** Number at risk at `time`: subjects with observed time >= `time` (0 past the last time). */
  nRisk: number;
  /** S(time): the step in force at `time` (1 before the first event). */
  surv: number;
  /** Greenwood SE of S(time); null where S = 0. */
  se: number | null;
  lower: number | null;
  upper: number | null;
}

export interface SurvivalAtOptions {
  /** Default "log". "symmetric" gives the symmetric pointwise interval S +/- z SE, i.e. "plain". */
  confType?: ConfType;
  /** Default 0.95. */
  confLevel?: number;
}

/** "symmetric" is an interval for the median; the pointwise interval it pairs with is "plain". */
export function toPointwiseConfType(confType: ConfType): PointwiseConfType {
  return confType === "symmetric" ? "plain" : confType;
}

function checkTimes(times: readonly number[]): void {
  times.forEach((t, i) => {
    if (!Number.isFinite(t)) throw new CalcInputError(`at[${i}] must be a finite number`, "at");
  });
}

function atRiskAt(fit: KaplanMeierFit, index: number, t: number): number {
  const here = fit.rows[index];
  if (here && here.time === t) return here.nRisk;
  return fit.rows[index + 1]?.nRisk ?? 0;
}

/**
 * Numbers at risk at the given times (for the table under a Kaplan-Meier plot): subjects
 * whose observed time is >= t, as R's `summary(fit, times = t)$n.risk`. O(log n) per time.
 */
export function countAtRisk(fit: KaplanMeierFit, times: readonly number[]): number[] {
  checkTimes(times);
  return times.map((t) => atRiskAt(fit, findStepIndex(fit, t), t));
}

/**
 * S(t) with its SE and confidence interval at the given times, as R survival 3.5
 * `summary(fit, times = t, extend = TRUE)`: the right-continuous step in force at t,
 * S = 1 before the first time, the last value carried past the end of follow-up.
 */
export function getSurvivalAtTimes(
  fit: KaplanMeierFit,
  times: readonly number[],
  options: SurvivalAtOptions = {},
): SurvivalPoint[] {
  checkTimes(times);
  const confType = toPointwiseConfType(options.confType ?? "log");
  const z = computeCriticalZ(options.confLevel ?? 0.95);
  return times.map((t) => {
    const index = findStepIndex(fit, t);
    const step = fit.rows[index];
    const surv = step ? step.surv : 1;
    const se = step ? step.se : 0;
    return { time: t, nRisk: atRiskAt(fit, index, t), surv, se, ...computeSurvivalCi(surv, se, confType, z) };
  });
}
