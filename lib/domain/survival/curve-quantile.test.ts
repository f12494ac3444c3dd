import { describe, expect, it } from "vitest";
import { findCurveMedianAsPrinted, findCurveQuantile } from "./curve-quantile";

const median = (t: number[], c: (number | null)[]) => findCurveQuantile(t, c, 0.5);

describe("findCurveQuantile (R quantile.survfit) and findCurveMedianAsPrinted (R print.survfit)", () => {
  it("takes the first time the curve drops below 0.5", () => {
    expect(median([1, 2, 3], [0.8, 0.4, 0.2])).toBe(2);
    expect(findCurveMedianAsPrinted([1, 2, 3], [0.8, 0.4, 0.2])).toBe(2);
  });

  it("gives the midpoint when the curve sits exactly on 0.5 and later drops", () => {
    expect(median([1, 2, 3, 4], [0.8, 0.5, 0.5, 0.3])).toBe(3);
    expect(findCurveMedianAsPrinted([1, 2, 3, 4], [0.8, 0.5, 0.5, 0.3])).toBe(3);
  });

  it("treats 0.5 within sqrt(machine epsilon) as exactly 0.5", () => {
    expect(median([1, 2, 3], [0.8, 0.5 - 1e-12, 0.2])).toBe(2.5);
    expect(median([1, 2, 3], [0.8, 0.5 - 1e-6, 0.2])).toBe(2);
  });

  it("differs when the flat 0.5 runs to the last time: quantile takes the midpoint, print the start", () => {
    expect(median([1, 2, 3], [0.8, 0.5, 0.5])).toBe(2.5);
    expect(findCurveMedianAsPrinted([1, 2, 3], [0.8, 0.5, 0.5])).toBe(2);
  });

  it("differs when a confidence curve dips below 0.5 and comes back", () => {
    // quantile() sorts the curve values and takes the smallest 1 - S >= 0.5 (time 3).
    expect(median([1, 2, 3, 4], [0.6, 0.45, 0.48, 0.48])).toBe(3);
    expect(findCurveMedianAsPrinted([1, 2, 3, 4], [0.6, 0.45, 0.48, 0.48])).toBe(2);
  });

  it("returns null when the curve never reaches 0.5, skipping undefined points", () => {
    expect(median([1, 2], [0.9, 0.7])).toBeNull();
    expect(median([1, 2], [0.8, null])).toBeNull();
    expect(findCurveMedianAsPrinted([1, 2], [0.8, null])).toBeNull();
    expect(median([1, 2, 3], [null, 0.4, null])).toBe(2);
  });
});
