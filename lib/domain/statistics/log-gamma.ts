// Lanczos approximation with Numerical Recipes' 14-term coefficient set (g = 671/128),
// relative error < 1e-15 for x > 0.
// Press WH et al. Numerical Recipes, 3rd ed. (2007), section 6.1, routine gammln.
const LANCZOS_G_OFFSET = 5.2421875; // 671/128
const LANCZOS_SERIES_START = 0.999999999999997092;
const LANCZOS_COEFFICIENTS = [
  57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199, 0.339946499848118887e-4,
  0.465236289270485756e-4, -0.983744753048795646e-4, 0.158088703224912494e-3, -0.210264441724104883e-3,
  0.217439618115212643e-3, -0.16431810653676389e-3, 0.844182239838527433e-4, -0.261908384015814087e-4,
  0.368991826595316234e-5,
];
const SQRT_TWO_PI = 2.5066282746310005;

/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0.
 * Throws RangeError for x <= 0 or non-finite x (no caller needs the reflection formula).
 */
export function computeLogGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`computeLogGamma: x must be finite and > 0, got ${x}`);
  let y = x;
  const tmp = x + LANCZOS_G_OFFSET;
  const lead = (x + 0.5) * Math.log(tmp) - tmp;
  let series = LANCZOS_SERIES_START;
  for (const coefficient of LANCZOS_COEFFICIENTS) {
    y += 1;
    series += coefficient / y;
  }
  return lead + Math.log((SQRT_TWO_PI * series) / x);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function computeLogBeta(a: number, b: number): number {
  return computeLogGamma(a) + computeLogGamma(b) - computeLogGamma(a + b);
}
