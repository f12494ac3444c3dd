import { CalcInputError } from "../calc-command";
import { computeBetaQuantile } from "./incomplete-beta";

/** Input of computeBinomialCi: responders (or events) out of patients. */
export interface BinomialCiInput {
  /** Whole number, 0 <= successes <= n. */
  successes: number;
  /** Whole number of patients, >= 1. */
  n: number;
  /** Two-sided confidence level, 0 < level < 1; default 0.95. */
  level?: number;
}

/** A proportion with its exact confidence interval (all as fractions, not percent). */
export interface BinomialCi {
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * Exact (Clopper-Pearson) confidence interval for a binomial proportion, via beta quantiles:
 * lower = B⁻¹(α/2; x, n − x + 1) (0 when x = 0), upper = B⁻¹(1 − α/2; x + 1, n − x) (1 when x = n).
 * Clopper CJ, Pearson ES. Biometrika 1934;26:404-413; as R stats::binom.test(x, n)$conf.int.
 * Example: 4/43 responders -> 0.093 (0.026 to 0.221).
 */
export function computeBinomialCi(input: BinomialCiInput): BinomialCi {
  const { successes: x, n } = input;
  const level = input.level ?? 0.95;
  if (!Number.isInteger(n) || n < 1) throw new CalcInputError(`n must be a whole number >= 1, got ${n}`, "n");
  if (!Number.isInteger(x) || x < 0 || x > n) {
    throw new CalcInputError(`successes must be a whole number from 0 to n (${n}), got ${x}`, "successes");
  }
  if (!(level > 0 && level < 1))
    throw new CalcInputError(`level must be between 0 and 1 (e.g. 0.95), got ${level}`, "level");
  const alpha = 1 - level;
  return {
    estimate: x / n,
    lower: x === 0 ? 0 : computeBetaQuantile(alpha / 2, x, n - x + 1),
    upper: x === n ? 1 : computeBetaQuantile(1 - alpha / 2, x + 1, n - x),
  };
}
