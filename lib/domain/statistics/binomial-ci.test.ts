import { describe, expect, it } from "vitest";
import { computeBinomialCi } from "./binomial-ci";
import reference from "./fixtures/binom-reference.json";
import { computeRegularizedBeta } from "./incomplete-beta";
import { expectClose } from "./test-tolerance";

describe("computeBinomialCi against R binom.test", () => {
  it.each(reference)("$successes / $n at level $level", ({ successes, n, level, estimate, lower, upper }) => {
    const ci = computeBinomialCi({ successes, n, level });
    expectClose(ci.estimate, estimate, 1e-14, "estimate");
    expectClose(ci.lower, lower, 1e-10, "lower");
    expectClose(ci.upper, upper, 1e-10, "upper");
  });
});

describe("computeBinomialCi properties", () => {
  it("reproduces the trial's response rate 4/43 = 9% (95% CI 2.6% to 22.1%)", () => {
    const ci = computeBinomialCi({ successes: 4, n: 43 });
    expect(ci.estimate * 100).toBeCloseTo(9.3, 1);
    expect(ci.lower * 100).toBeCloseTo(2.59, 2);
    expect(ci.upper * 100).toBeCloseTo(22.14, 2);
  });

  it("uses the closed form at the extremes: 0/n upper = 1 − (α/2)^(1/n); n/n lower = (α/2)^(1/n)", () => {
    expect(computeBinomialCi({ successes: 0, n: 5 }).lower).toBe(0);
    expectClose(computeBinomialCi({ successes: 0, n: 5 }).upper, 1 - Math.pow(0.025, 1 / 5), 1e-13, "0/5 upper");
    expect(computeBinomialCi({ successes: 5, n: 5 }).upper).toBe(1);
    expectClose(computeBinomialCi({ successes: 5, n: 5 }).lower, Math.pow(0.025, 1 / 5), 1e-13, "5/5 lower");
  });

  it("has exactly α/2 in each tail at its limits (the defining property)", () => {
    const ci = computeBinomialCi({ successes: 18, n: 43 });
    // P(X >= 18 | p = lower) = I_lower(18, 26) and P(X <= 18 | p = upper) = 1 − I_upper(19, 25)
    expectClose(computeRegularizedBeta(ci.lower, 18, 26), 0.025, 1e-12, "lower tail");
    expectClose(1 - computeRegularizedBeta(ci.upper, 19, 25), 0.025, 1e-12, "upper tail");
  });

  it("rejects impossible counts and levels", () => {
    expect(() => computeBinomialCi({ successes: 44, n: 43 })).toThrow(/successes/);
    expect(() => computeBinomialCi({ successes: -1, n: 43 })).toThrow(/successes/);
    expect(() => computeBinomialCi({ successes: 1.5, n: 43 })).toThrow(/whole number/);
    expect(() => computeBinomialCi({ successes: 0, n: 0 })).toThrow(/n must be/);
    expect(() => computeBinomialCi({ successes: 1, n: 4, level: 1 })).toThrow(/level/);
  });
});
