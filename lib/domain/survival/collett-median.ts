import { CURVE_TOLERANCE } from "./curve-quantile";
import { findStepIndex, type KaplanMeierFit } from "./kaplan-meier";

/** The pieces of Collett's standard error of the median, kept for display and audit. */
export interface CollettMedianDetail {
  /** Median survival time the interval is centred on. */
  median: number | null;
  /** median - z SE(median), truncated at 0; null when not computable. */
  lower: number | null;
  /** median + z SE(median); null when not computable. */
  upper: number | null;
  /** SE(median) = SE(S(t50)) / f(t50); null when not computable. */
  seMedian: number | null;
  /** Largest event time with S >= 0.55 (0 when none, where S = 1). */
  u: number | null;
  /** Smallest event time with S <= 0.45; null when the curve never gets that low. */
  l: number | null;
}

/**
 * Symmetric interval median +/- z SE(median), the way SPSS and some papers report it.
 *
 * Collett D, Modelling Survival Data in Medical Research, 3rd ed. (2015), section 2.4:
 * SE(t50) = SE(S(t50)) / f(t50), f = (S(u) - S(l)) / (l - u), u the largest
 * event time with S(u) >= 0.55 (time 0, S = 1, counts), l the smallest event time with
 * S(l) <= 0.45; SE(S(t50)) is the Greenwood SE of the curve at the median (the step in force
 * at t50). The 0.55/0.45 comparisons allow R's tolerance sqrt(machine epsilon) so that an
 * exact 0.55 computed as a product still counts.
 * Null bounds when: the median is not reached; no event time has S <= 0.45 (l undefined);
 * or S(t50) = 0 (Greenwood SE undefined). u always exists (time 0). The lower bound is
 * truncated at 0 because a survival time cannot be negative.
 */
export function estimateCollettMedianCi(fit: KaplanMeierFit, median: number | null, z: number): CollettMedianDetail {
  const none = { median, lower: null, upper: null, seMedian: null };
  if (median === null) return { ...none, u: null, l: null };
  let u = 0;
  let sU = 1;
  let l: number | null = null;
  let sL = 0;
  for (const row of fit.rows) {
    if (row.nEvent === 0) continue;
    if (row.surv >= 0.55 - CURVE_TOLERANCE) {
      u = row.time;
      sU = row.surv;
    } else if (row.surv <= 0.45 + CURVE_TOLERANCE) {
      l = row.time;
      sL = row.surv;
      break;
    }
  }
  if (l === null) return { ...none, u, l };
  const density = (sU - sL) / (l - u);
  const step = fit.rows[findStepIndex(fit, median)];
  const seSurv = step ? step.se : 0;
  if (seSurv === null || !(density > 0)) return { ...none, u, l };
  const seMedian = seSurv / density;
  return {
    median,
    lower: Math.max(0, median - z * seMedian),
    upper: median + z * seMedian,
    seMedian,
    u,
    l,
  };
}
