import { computeLogGamma } from "./log-gamma";

// Regularized incomplete gamma P(a, x) and Q(a, x) = 1 − P(a, x): power series where it
// converges fast (x < a + 1), otherwise the continued fraction evaluated by the modified Lentz
// method, so that the smaller tail is always computed directly (full relative accuracy).
// Press WH et al. Numerical Recipes, 3rd ed. (2007), section 6.2 (gser, gcf, gammp, gammq).
const MAX_ITERATIONS = 100_000;
const RELATIVE_EPS = Number.EPSILON;
const TINY = 1e-300; // Lentz's guard against a zero denominator

/** Regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), for a > 0, x >= 0. */
export function computeRegularizedGammaP(a: number, x: number): number {
  checkArguments(a, x);
  if (x === 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  return x < a + 1 ? computeGammaSeries(a, x) : 1 - computeGammaContinuedFraction(a, x);
}

/** Regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x). */
export function computeRegularizedGammaQ(a: number, x: number): number {
  checkArguments(a, x);
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return x < a + 1 ? 1 - computeGammaSeries(a, x) : computeGammaContinuedFraction(a, x);
}

function checkArguments(a: number, x: number): void {
  if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`incomplete gamma: a must be finite and > 0, got ${a}`);
  if (!(x >= 0)) throw new RangeError(`incomplete gamma: x must be >= 0, got ${x}`);
}

/** ln of the common prefactor x^a e^(−x) / Γ(a). */
function computeLogPrefactor(a: number, x: number): number {
  return a * Math.log(x) - x - computeLogGamma(a);
}

function computeGammaSeries(a: number, x: number): number {
  let denominator = a;
  let term = 1 / a;
  let sum = term;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    denominator += 1;
    term *= x / denominator;
    sum += term;
    // Combined in log space so that tails near the underflow limit keep their digits.
    if (Math.abs(term) <= Math.abs(sum) * RELATIVE_EPS) return Math.exp(computeLogPrefactor(a, x) + Math.log(sum));
  }
  throw new Error(`incomplete gamma series did not converge (a = ${a}, x = ${x})`);
}

function computeGammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= RELATIVE_EPS) return Math.exp(computeLogPrefactor(a, x) + Math.log(h));
  }
  throw new Error(`incomplete gamma continued fraction did not converge (a = ${a}, x = ${x})`);
}
