import { CalcInputError } from "../calc-command";

// Wichura MJ, Algorithm AS 241: The percentage points of the normal distribution,
// Appl Stat 1988;37(3):477-484 (PPND16, the algorithm behind R's qnorm), central and
// intermediate regions. The far tail (|z| > ~7, p < 1.4e-11) is not needed for
// confidence levels up to 0.9999 and is rejected rather than approximated.

/** Quantile of the standard normal distribution for 1e-10 <= p <= 1 - 1e-10. */
export function computeNormalQuantile(p: number): number {
  if (!(p >= 1e-10 && p <= 1 - 1e-10)) {
    throw new CalcInputError(`normal quantile needs 1e-10 <= p <= 1 - 1e-10, got ${p}`, "p");
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852854561 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p)) - 1.6;
  const value =
    (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
      1.27045825245236838258) *
      r +
      3.64784832476320460504) *
      r +
      5.7694972214606914055) *
      r +
      4.6303378461565452959) *
      r +
      1.42343711074968357734) /
    (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
      0.14810397642748007459) *
      r +
      0.68976733498510000455) *
      r +
      1.6763848301838038494) *
      r +
      2.05319162663775882187) *
      r +
      1);
  return q < 0 ? -value : value;
}

/** Two-sided critical value z_{1 - alpha/2} for a confidence level such as 0.95 (0.5 to 0.9999). */
export function computeCriticalZ(confLevel: number): number {
  if (!(confLevel >= 0.5 && confLevel <= 0.9999)) {
    throw new CalcInputError(`confLevel must be between 0.5 and 0.9999, got ${confLevel}`, "confLevel");
  }
  return computeNormalQuantile(1 - (1 - confLevel) / 2);
}
