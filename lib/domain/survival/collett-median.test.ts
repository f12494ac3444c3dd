import { describe, expect, it } from "vitest";
import { estimateCollettMedianCi } from "./collett-median";
import { estimateKaplanMeier } from "./kaplan-meier";
import { estimateMedianSurvival } from "./median-survival";

const Z = 1.959963984540054;

function collett(time: number[], event: number[]) {
  const fit = estimateKaplanMeier(time, event);
  return estimateCollettMedianCi(fit, estimateMedianSurvival(fit).median, Z);
}

describe("estimateCollettMedianCi (Collett 2015, section 2.4)", () => {
  it("works the hand example: 3, 4+, 5, 5, 8+, 10", () => {
    // median 5; u = 3 (S = 5/6), l = 5 (S = 5/12); f = (5/6 - 5/12) / (5 - 3) = 5/24;
    // SE(S(5)) = 5/12 sqrt(1/30 + 1/4), so SE(median) = 2 sqrt(17/60).
    const r = collett([3, 4, 5, 5, 8, 10], [1, 0, 1, 1, 0, 1]);
    expect(r).toMatchObject({ median: 5, u: 3, l: 5 });
    expect(r.seMedian).toBeCloseTo(2 * Math.sqrt(17 / 60), 12);
    expect(r.lower).toBeCloseTo(5 - Z * 2 * Math.sqrt(17 / 60), 12);
    expect(r.upper).toBeCloseTo(5 + Z * 2 * Math.sqrt(17 / 60), 12);
  });

  it("uses time 0 (S = 1) as u when the first event already takes S below 0.55", () => {
    const r = collett([1, 1, 1, 2, 3], [1, 1, 1, 0, 0]); // S(1) = 0.4
    expect(r).toMatchObject({ median: 1, u: 0, l: 1 });
    const seSurv = 0.4 * Math.sqrt(3 / (5 * 2));
    expect(r.seMedian).toBeCloseTo(seSurv / 0.6, 12);
  });

  it("counts S exactly 0.55 as u (up to floating error from the product)", () => {
    // 20 subjects, 9 deaths at times 1..9: S(9) = 11/20 = 0.55 computed as a product
    const time = Array.from({ length: 20 }, (_, i) => i + 1);
    const event = time.map((t) => (t <= 13 ? 1 : 0));
    const r = collett(time, event);
    expect(r.u).toBe(9);
    expect(r.l).toBe(11); // S(11) = 9/20 = 0.45
  });

  it("uses the Greenwood SE of the flat step when the median is a midpoint, and truncates at 0", () => {
    // 1, 2, 10, 11: S = .75, .5, .25, 0; median (2 + 10) / 2 = 6; u = 1, l = 10, f = 0.5 / 9;
    // SE(S) on [2, 10) = 0.5 sqrt(1/12 + 1/6) = 0.25; SE(median) = 4.5.
    const r = collett([1, 2, 10, 11], [1, 1, 1, 1]);
    expect(r.median).toBe(6);
    expect(r.seMedian).toBeCloseTo(4.5, 12);
    expect(r.lower).toBe(0);
    expect(r.upper).toBeCloseTo(6 + Z * 4.5, 12);
  });

  it("gives null bounds when no event time has S <= 0.45", () => {
    const r = collett([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 1, 1, 0, 0, 0, 0]); // S stays 0.5
    expect(r).toMatchObject({ median: 6, lower: null, upper: null, l: null });
  });

  it("gives null bounds when S drops to 0 at the median (Greenwood SE undefined)", () => {
    const r = collett([1, 2, 2], [1, 1, 1]);
    expect(r).toMatchObject({ median: 2, lower: null, upper: null });
  });

  it("gives nulls when the median is not reached", () => {
    expect(collett([1, 2, 3], [1, 0, 0])).toMatchObject({ median: null, lower: null, upper: null });
  });
});
