import { describe, expect, it } from "vitest";
import { computeChiSquareUpperTail } from "./chi-square";
import reference from "./fixtures/special-functions-reference.json";
import { computeBetaQuantile, computeRegularizedBeta } from "./incomplete-beta";
import { computeRegularizedGammaP, computeRegularizedGammaQ } from "./incomplete-gamma";
import { computeLogBeta, computeLogGamma } from "./log-gamma";
import { computeNormalCdf, computeNormalQuantile, computeNormalUpperTail } from "./normal-distribution";
import { expectClose, expectRelativelyClose } from "./test-tolerance";

/** Zips parallel fixture columns into rows. */
function at(values: readonly number[], index: number): number {
  const value = values[index];
  if (value === undefined) throw new Error(`fixture column too short at ${index}`);
  return value;
}

describe("computeLogGamma (R lgamma)", () => {
  it.each(reference.lgamma.x.map((x, i) => [x, at(reference.lgamma.value, i)]))("lgamma(%s)", (x, expected) => {
    expectRelativelyClose(computeLogGamma(x), expected, 1e-13, `lgamma(${x})`);
  });

  it("is exact at small integers: ln Γ(n) = ln (n−1)!", () => {
    expect(computeLogGamma(1)).toBeCloseTo(0, 14);
    expect(computeLogGamma(2)).toBeCloseTo(0, 14);
    expect(computeLogGamma(6)).toBeCloseTo(Math.log(120), 13);
    expect(computeLogBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
  });

  it("rejects x <= 0", () => {
    expect(() => computeLogGamma(0)).toThrow(RangeError);
    expect(() => computeLogGamma(-1.5)).toThrow(RangeError);
  });
});

describe("regularized incomplete gamma (R pgamma)", () => {
  const cases = reference.pgamma.a.map((a, i) => ({
    a,
    x: at(reference.pgamma.x, i),
    lower: at(reference.pgamma.lower, i),
    upper: at(reference.pgamma.upper, i),
  }));

  it.each(cases)("P and Q at a = $a, x = $x", ({ a, x, lower, upper }) => {
    // Each tail is computed directly, so both keep relative accuracy (also when tiny).
    expectRelativelyClose(computeRegularizedGammaP(a, x), lower, 1e-11, "P");
    expectRelativelyClose(computeRegularizedGammaQ(a, x), upper, 1e-11, "Q");
  });

  it("has the exact boundaries P(a, 0) = 0 and P(1, x) = 1 − e^(−x)", () => {
    expect(computeRegularizedGammaP(3, 0)).toBe(0);
    expect(computeRegularizedGammaQ(3, 0)).toBe(1);
    expect(computeRegularizedGammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 15);
  });
});

describe("computeChiSquareUpperTail (R pchisq lower.tail = FALSE)", () => {
  const cases = reference.pchisqUpper.df.map((df, i) => ({
    df,
    x: at(reference.pchisqUpper.x, i),
    p: at(reference.pchisqUpper.value, i),
  }));
  it.each(cases)("df = $df, x = $x", ({ df, x, p }) => {
    expectRelativelyClose(computeChiSquareUpperTail(x, df), p, 1e-11, "pchisq");
  });

  it("gives the textbook 5% critical value for 1 df", () => {
    expect(computeChiSquareUpperTail(3.841458820694124, 1)).toBeCloseTo(0.05, 14);
    expect(computeChiSquareUpperTail(0, 2)).toBe(1);
  });
});

describe("regularized incomplete beta and its inverse (R pbeta, qbeta)", () => {
  const pCases = reference.pbeta.a.map((a, i) => ({
    a,
    b: at(reference.pbeta.b, i),
    x: at(reference.pbeta.x, i),
    p: at(reference.pbeta.value, i),
  }));
  it.each(pCases)("I_$x($a, $b)", ({ a, b, x, p }) => {
    expectClose(computeRegularizedBeta(x, a, b), p, 1e-12, "pbeta");
    if (p > 1e-300) expectRelativelyClose(computeRegularizedBeta(x, a, b), p, 1e-9, "pbeta relative");
  });

  const qCases = reference.qbeta.a.map((a, i) => ({
    a,
    b: at(reference.qbeta.b, i),
    p: at(reference.qbeta.p, i),
    x: at(reference.qbeta.value, i),
  }));
  it.each(qCases)("qbeta($p, $a, $b)", ({ a, b, p, x }) => {
    expectRelativelyClose(computeBetaQuantile(p, a, b), x, 1e-10, "qbeta");
  });

  it("inverts exactly at the boundaries and for Beta(1, 1) (uniform)", () => {
    expect(computeBetaQuantile(0, 2, 3)).toBe(0);
    expect(computeBetaQuantile(1, 2, 3)).toBe(1);
    expect(computeBetaQuantile(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(computeRegularizedBeta(0.5, 3, 3)).toBeCloseTo(0.5, 15);
  });
});

describe("normal distribution (R pnorm, qnorm)", () => {
  const zCases = reference.pnorm.z.map((z, i) => ({
    z,
    lower: at(reference.pnorm.value, i),
    upper: at(reference.pnorm.upper, i),
  }));
  it.each(zCases)("Φ($z)", ({ z, lower, upper }) => {
    expectRelativelyClose(computeNormalCdf(z), lower, 1e-12, "pnorm");
    if (upper > 0) expectRelativelyClose(computeNormalUpperTail(z), upper, 1e-12, "upper tail");
  });

  const pCases = reference.qnorm.p.map((p, i) => ({ p, z: at(reference.qnorm.value, i) }));
  it.each(pCases)("Φ⁻¹($p)", ({ p, z }) => {
    expectClose(computeNormalQuantile(p), z, 1e-12, "qnorm");
  });

  it("gives 1.959964 for the 97.5% point and is symmetric", () => {
    expect(computeNormalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(computeNormalQuantile(0.5)).toBe(0);
    expect(computeNormalQuantile(0.025)).toBeCloseTo(-computeNormalQuantile(0.975), 14);
    expect(computeNormalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(() => computeNormalQuantile(1.2)).toThrow(RangeError);
  });
});
