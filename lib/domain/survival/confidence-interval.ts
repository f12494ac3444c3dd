/** Pointwise confidence-interval transformations for S(t), as R survfit's `conf.type`. */
export type PointwiseConfType = "log" | "log-log" | "plain";

/** Median-interval methods: R's three (curve inversion) plus Collett's symmetric interval. */
export type ConfType = PointwiseConfType | "symmetric";

export const CONF_TYPES: readonly ConfType[] = ["log", "log-log", "plain", "symmetric"];

/** A confidence interval for S(t); null where it is undefined (S = 0). */
export interface SurvivalCi {
  lower: number | null;
  upper: number | null;
}

/**
 * Confidence interval for S(t) from S and its Greenwood SE (survival scale).
 *
 * Formulas as R survival 3.5 `survfit_confint` (ulimit = TRUE), with z = z_{1-alpha/2}:
 * - "log" (R default): S x exp(-/+ z se/S), upper clipped at 1.
 * - "log-log" (Kalbfleisch & Prentice 1980, section 1.3): exp(-exp(log(-log S) +/- z se/(S |log S|))).
 * - "plain": S -/+ z se, clipped to [0, 1].
 * Edge cases: S = 0 (or no SE) gives null bounds, as R's NA. S = 1 gives [1, 1] for every type;
 * R gives NA for log-log there (log(-log 1) = -Inf) but [1, 1] before the first observed time,
 * so [1, 1] is chosen for consistency; it never changes a median or its interval.
 */
export function computeSurvivalCi(surv: number, se: number | null, confType: PointwiseConfType, z: number): SurvivalCi {
  if (se === null || surv <= 0) return { lower: null, upper: null };
  if (surv >= 1) return { lower: 1, upper: 1 };
  const logSe = se / surv;
  if (confType === "plain") {
    const half = z * se;
    return { lower: Math.max(surv - half, 0), upper: Math.min(surv + half, 1) };
  }
  if (confType === "log") {
    return {
      lower: Math.exp(Math.log(surv) - z * logSe),
      upper: Math.min(Math.exp(Math.log(surv) + z * logSe), 1),
    };
  }
  const shift = (z * logSe) / Math.log(surv);
  const loglog = Math.log(-Math.log(surv));
  return { lower: Math.exp(-Math.exp(loglog - shift)), upper: Math.exp(-Math.exp(loglog + shift)) };
}
