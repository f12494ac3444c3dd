import { describe, expect, test } from "vitest";
import { analyzeBiomarker, substituteBelowLloq, type BiomarkerSubject } from "./biomarkers";

const measured = (value: number) => ({ value, belowLloq: false, lloq: 1, unit: "pg/mL" });
const belowLloq = { value: null, belowLloq: true, lloq: 1.5, unit: "pg/mL" };

describe("substituteBelowLloq", () => {
  test("keeps a measured value and puts a result below the LLOQ at LLOQ/2", () => {
    expect(substituteBelowLloq(measured(7))).toBe(7);
    expect(substituteBelowLloq(belowLloq)).toBe(0.75);
    expect(substituteBelowLloq({ ...belowLloq, lloq: null })).toBeNull();
  });
});

describe("analyzeBiomarker", () => {
  // Higher levels die earlier: 8 patients, levels 1..8 (one below the LLOQ), times 16..2 months.
  const subjects: BiomarkerSubject[] = [
    { level: belowLloq, time: 16, event: 0 },
    ...[2, 3, 4, 5, 6, 7, 8].map((value, i) => ({ level: measured(value), time: 14 - 2 * i, event: 1 as const })),
    { level: null, time: 5, event: 1 },
  ];

  test("splits above the median (type 7) into high; below-LLOQ and the median itself are low; no result is left out", () => {
    const result = analyzeBiomarker(subjects, { cut: "median" });
    expect(result.n).toBe(8);
    expect(result.nMissing).toBe(1);
    expect(result.nBelowLloq).toBe(1);
    expect(result.cut).toBe(4.5);
    expect(result.points.filter((p) => p.group === "high").map((p) => p.value)).toEqual([5, 6, 7, 8]);
    expect(result.points.find((p) => p.belowLloq)).toMatchObject({ value: 0.75, group: "low" });
    expect(result.high?.distribution).toMatchObject({ min: 5, max: 8, median: 6.5 });
  });

  test("finds the higher hazard in the high group and per doubling", () => {
    const result = analyzeBiomarker(subjects, { cut: "median" });
    expect(result.logRank!.p).toBeLessThan(0.05);
    expect(result.coxHighVsLow!.hr).toBeGreaterThan(1);
    expect(result.coxPerDoubling!.hr).toBeGreaterThan(1);
  });

  test("a fixed cut no patient exceeds gives no comparison and says why", () => {
    const result = analyzeBiomarker(subjects, { cut: 100 });
    expect(result.cutMethod).toBe("fixed");
    expect(result.high).toBeNull();
    expect(result.logRank).toBeNull();
    expect(result.warnings.join(" ")).toMatch(/one side of the cut/);
  });
});
