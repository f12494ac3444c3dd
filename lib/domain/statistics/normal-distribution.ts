import { computeRegularizedGammaQ } from "./incomplete-gamma";

// Φ(z) = ½ erfc(−z/√2) and erfc(x) = Q(½, x²) for x >= 0, so the normal tails come from the
// incomplete gamma continued fraction with full relative accuracy far into the tail.
// Abramowitz & Stegun, Handbook of Mathematical Functions (1964), 26.2.29 and 6.5.17 (erfc as Γ(½, x²)/√π).

/** Standard normal cumulative distribution function Φ(z) = P(Z <= z). */
export function computeNormalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return z >= 0 ? 1 - computeNormalUpperTail(z) : computeNormalUpperTail(-z);
}

/** Standard normal upper tail P(Z > z) = 1 − Φ(z), accurate for large z (no cancellation). */
export function computeNormalUpperTail(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === Number.POSITIVE_INFINITY) return 0;
  if (z === Number.NEGATIVE_INFINITY) return 1;
  const tail = 0.5 * computeRegularizedGammaQ(0.5, (z * z) / 2);
  return z >= 0 ? tail : 1 - tail;
}

// Acklam's rational approximation (relative error 1.15e-9) as the starting point, then Halley
// refinement against computeNormalCdf to full double precision.
// Acklam PJ. An algorithm for computing the inverse normal cumulative distribution function (2003);
// refinement step: Press WH et al. Numerical Recipes, 3rd ed. (2007), section 9.4 (Halley's method).
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

/** Evaluates c[0] x^(n−1) + … + c[n−1] by Horner's rule. */
function evaluatePolynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (const coefficient of coefficients) value = value * x + coefficient;
  return value;
}

function estimateNormalQuantile(p: number): number {
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p < P_LOW ? p : 1 - p));
    const x = evaluatePolynomial(C, q) / (evaluatePolynomial(D, q) * q + 1);
    return p < P_LOW ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (evaluatePolynomial(A, r) * q) / (evaluatePolynomial(B, r) * r + 1);
}

/**
 * Standard normal quantile Φ⁻¹(p), for 0 < p < 1 (returns −∞ / +∞ at 0 / 1).
 * Example: computeNormalQuantile(0.975) = 1.959963984540054.
 */
export function computeNormalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`computeNormalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  let x = estimateNormalQuantile(p);
  for (let step = 0; step < 3; step++) {
    // Work on the smaller tail so that the residual keeps its relative precision.
    const error = p < 0.5 ? computeNormalCdf(x) - p : 1 - p - computeNormalUpperTail(x);
    const u = error * SQRT_TWO_PI * Math.exp((x * x) / 2);
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}
