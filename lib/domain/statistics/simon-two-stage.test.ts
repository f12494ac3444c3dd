import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { describeSimonDesign, findSimonDesigns } from "./simon-two-stage";

/** Binomial probability by the factorial formula, independent of the module's recursion. */
function binomialPmf(x: number, m: number, p: number): number {
  let coefficient = 1;
  for (let i = 1; i <= x; i++) coefficient = (coefficient * (m - x + i)) / i;
  return coefficient * p ** x * (1 - p) ** (m - x);
}

/** P(declare promising) by brute force over both stages' outcomes. */
function bruteForcePromising(design: { r1: number; n1: number; r: number; n: number }, p: number): number {
  let total = 0;
  for (let x1 = design.r1 + 1; x1 <= design.n1; x1++) {
    for (let x2 = 0; x2 <= design.n - design.n1; x2++) {
      if (x1 + x2 > design.r) total += binomialPmf(x1, design.n1, p) * binomialPmf(x2, design.n - design.n1, p);
    }
  }
  return total;
}

// Simon R. Control Clin Trials 1989;10:1-10, Table 1 (r1/n1, r/n, EN(p0), PET(p0)).
const PUBLISHED = [
  {
    rates: { p0: 0.1, p1: 0.3, alpha: 0.05, beta: 0.2 },
    optimal: { r1: 1, n1: 10, r: 5, n: 29, en0: 15.0, pet0: 0.74 },
    minimax: { r1: 1, n1: 15, r: 5, n: 25, en0: 19.5, pet0: 0.55 },
  },
  {
    rates: { p0: 0.2, p1: 0.4, alpha: 0.05, beta: 0.2 },
    optimal: { r1: 3, n1: 13, r: 12, n: 43, en0: 20.6, pet0: 0.75 },
    minimax: { r1: 4, n1: 18, r: 10, n: 33, en0: 22.3, pet0: 0.72 },
  },
];

describe("findSimonDesigns (Simon 1989, Table 1)", () => {
  it.each(PUBLISHED)(
    "p0 = $rates.p0, p1 = $rates.p1, alpha = $rates.alpha, beta = $rates.beta",
    ({ rates, optimal, minimax }) => {
      const designs = findSimonDesigns(rates);
      for (const [found, published] of [
        [designs.optimal, optimal],
        [designs.minimax, minimax],
      ] as const) {
        expect({ r1: found.r1, n1: found.n1, r: found.r, n: found.n }).toEqual({
          r1: published.r1,
          n1: published.n1,
          r: published.r,
          n: published.n,
        });
        // The paper prints EN0 to one decimal and PET0 to two.
        expect(found.en0).toBeCloseTo(published.en0, 1);
        expect(found.pet0).toBeCloseTo(published.pet0, 2);
        expect(found.alpha).toBeLessThanOrEqual(rates.alpha);
        expect(found.power).toBeGreaterThanOrEqual(1 - rates.beta);
        // The reported error rates are the exact ones of the design, computed here by brute force.
        expect(found.alpha).toBeCloseTo(bruteForcePromising(found, rates.p0), 12);
        expect(found.power).toBeCloseTo(bruteForcePromising(found, rates.p1), 12);
      }
    },
  );

  it("matches a naive search over every (r1, n1, r, n) with n <= 30", () => {
    // The module prunes r with a moving pointer; this checks the pruning loses no design.
    const rates = { p0: 0.1, p1: 0.3, alpha: 0.05, beta: 0.2 };
    const pmf = (x: number, m: number, p: number) => binomialPmf(x, m, p);
    const cache = new Map<string, number>();
    const promising = (r1: number, n1: number, r: number, n: number, p: number) => {
      let total = 0;
      for (let x1 = r1 + 1; x1 <= n1; x1++) {
        const key = `${n - n1}|${r + 1 - x1}|${p}`;
        let tail = cache.get(key);
        if (tail === undefined) {
          tail = 0;
          for (let x2 = Math.max(0, r + 1 - x1); x2 <= n - n1; x2++) tail += pmf(x2, n - n1, p);
          cache.set(key, tail);
        }
        total += pmf(x1, n1, p) * tail;
      }
      return total;
    };
    let bestEn0 = Infinity;
    let minN = Infinity;
    for (let n = 2; n <= 30; n++) {
      for (let n1 = 1; n1 < n; n1++) {
        for (let r1 = 0; r1 < n1; r1++) {
          for (let r = r1; r < n; r++) {
            if (promising(r1, n1, r, n, rates.p0) > rates.alpha) continue;
            if (promising(r1, n1, r, n, rates.p1) < 1 - rates.beta) break;
            let pet0 = 0;
            for (let x = 0; x <= r1; x++) pet0 += pmf(x, n1, rates.p0);
            bestEn0 = Math.min(bestEn0, n1 + (1 - pet0) * (n - n1));
            minN = Math.min(minN, n);
          }
        }
      }
    }
    const designs = findSimonDesigns({ ...rates, nMax: 30 });
    expect(designs.optimal.en0).toBeCloseTo(bestEn0, 10);
    expect(designs.minimax.n).toBe(minN);
  });

  it("runs well under a second for the published cases", () => {
    const started = performance.now();
    findSimonDesigns({ p0: 0.1, p1: 0.3, alpha: 0.05, beta: 0.2 });
    findSimonDesigns({ p0: 0.2, p1: 0.4, alpha: 0.05, beta: 0.2 });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("says when nMax is too small for any design, and rejects impossible rates", () => {
    expect(() => findSimonDesigns({ p0: 0.1, p1: 0.3, alpha: 0.05, beta: 0.2, nMax: 20 })).toThrow(CalcInputError);
    expect(() => findSimonDesigns({ p0: 0.3, p1: 0.1, alpha: 0.05, beta: 0.2 })).toThrow(/p1 must be greater than p0/);
    expect(() => findSimonDesigns({ p0: 0.1, p1: 0.3, alpha: 1.2, beta: 0.2 })).toThrow(/alpha/);
  });

  it("finds the minimax design as soon as nMax reaches its n", () => {
    const designs = findSimonDesigns({ p0: 0.1, p1: 0.3, alpha: 0.05, beta: 0.2, nMax: 25 });
    expect(designs.minimax).toMatchObject({ r1: 1, n1: 15, r: 5, n: 25 });
    expect(designs.optimal.n).toBeLessThanOrEqual(25);
  });
});

describe("describeSimonDesign", () => {
  it("gives the attained figures of a chosen design", () => {
    const design = describeSimonDesign({ r1: 1, n1: 10, r: 5, n: 29 }, { p0: 0.1, p1: 0.3 });
    expect(design.pet0).toBeCloseTo(binomialPmf(0, 10, 0.1) + binomialPmf(1, 10, 0.1), 12);
    expect(design.en0).toBeCloseTo(10 + (1 - design.pet0) * 19, 12);
    expect(design.alpha).toBeCloseTo(bruteForcePromising(design, 0.1), 12);
    expect(design.power).toBeCloseTo(bruteForcePromising(design, 0.3), 12);
  });

  it("rejects a design whose boundaries do not fit its sizes", () => {
    expect(() => describeSimonDesign({ r1: 3, n1: 2, r: 5, n: 29 }, { p0: 0.1, p1: 0.3 })).toThrow(CalcInputError);
    expect(() => describeSimonDesign({ r1: 1, n1: 10, r: 29, n: 29 }, { p0: 0.1, p1: 0.3 })).toThrow(CalcInputError);
  });
});
