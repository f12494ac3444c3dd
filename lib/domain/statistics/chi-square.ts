import { computeRegularizedGammaQ } from "./incomplete-gamma";

/**
 * Upper tail P(X >= chisq) of the chi-square distribution with `df` degrees of freedom
 * (the p-value of a chi-square test). A chi-square(df) variable is Gamma(df/2, scale 2), so
 * the tail is Q(df/2, chisq/2). Abramowitz & Stegun, Handbook of Mathematical Functions (1964), 26.4.19.
 */
export function computeChiSquareUpperTail(chisq: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chi-square: df must be > 0, got ${df}`);
  if (!(chisq >= 0)) throw new RangeError(`chi-square: statistic must be >= 0, got ${chisq}`);
  return computeRegularizedGammaQ(df / 2, chisq / 2);
}
