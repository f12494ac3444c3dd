import { estimateCollettMedianCi } from "./collett-median";
import { computeSurvivalCi, type ConfType } from "./confidence-interval";
import { findCurveMedianAsPrinted, findCurveQuantile } from "./curve-quantile";
import type { KaplanMeierFit } from "./kaplan-meier";
import { computeCriticalZ } from "./normal-quantile";

/** A median survival time with its confidence interval; null where not reached / not estimable. */
export interface MedianEstimate {
  median: number | null;
  lower: number | null;
  upper: number | null;
}

/**
 * Which of R's two median rules to reproduce. They differ only at edge cases:
 * "quantile" = `quantile(fit, 0.5)` (R survival 3.5 quantile.survfit); "print" = the
 * `print(fit)` / `summary(fit)$table` columns (survmean). E.g. for survival::aml with
 * conf.type "log", quantile gives upper 48 and print gives 45, because the upper
 * confidence curve dips below 0.5 at 45 and rises above it again at 48.
 */
export type MedianRule = "quantile" | "print";

export interface MedianOptions {
  /** Interval method; default "log" (R's default). "symmetric" is Collett's median +/- z SE. */
  confType?: ConfType;
  /** Default 0.95. */
  confLevel?: number;
  /** Default "quantile". With "symmetric", selects how the median itself is found. */
  rule?: MedianRule;
}

/**
 * Median survival and its confidence interval.
 *
 * For "log", "log-log" and "plain" the bounds are where the pointwise confidence curves
 * for S(t) cross 0.5 (Brookmeyer R, Crowley J, Biometrics 1982;38:29-41; as R survival
 * 3.5): the lower bound from the lower curve, the upper from the upper curve, null when a
 * curve never reaches 0.5. For "symmetric", Collett's interval (see estimateCollettMedianCi).
 */
export function estimateMedianSurvival(fit: KaplanMeierFit, options: MedianOptions = {}): MedianEstimate {
  const confType = options.confType ?? "log";
  const z = computeCriticalZ(options.confLevel ?? 0.95);
  const find =
    options.rule === "print"
      ? findCurveMedianAsPrinted
      : (t: number[], c: (number | null)[]) => findCurveQuantile(t, c, 0.5);
  const times = fit.rows.map((r) => r.time);
  const median = find(
    times,
    fit.rows.map((r) => r.surv),
  );
  if (confType === "symmetric") {
    const collett = estimateCollettMedianCi(fit, median, z);
    return { median, lower: collett.lower, upper: collett.upper };
  }
  const cis = fit.rows.map((r) => computeSurvivalCi(r.surv, r.se, confType, z));
  return {
    median,
    lower: find(
      times,
      cis.map((ci) => ci.lower),
    ),
    upper: find(
      times,
      cis.map((ci) => ci.upper),
    ),
  };
}
