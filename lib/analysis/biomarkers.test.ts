import { quantileSorted } from "d3-array";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compareSurvivalLogRank, fitCoxModel } from "@/lib/domain/statistics";
import { analyzeBiomarker, substituteBelowLloq, type BiomarkerSubject, type Distribution } from "./biomarkers";

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

describe("analyzeBiomarker against the domain functions on the patients in subject order", () => {
  // The analysis sorts levels once and times once; the reference sorts nothing itself and calls
  // lib/domain with each group's patients as they come.
  test("same quartiles per group, log-rank test and Cox models, for random cohorts with ties", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            level: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
            time: fc.integer({ min: 0, max: 10 }),
            event: fc.constantFrom(0 as const, 1 as const),
          }),
          { minLength: 4, maxLength: 60 },
        ),
        fc.constantFrom<"median" | number>("median", 3, 6),
        (rows, cut) => {
          const subjects = rows.map((r) => ({
            level: r.level === null ? null : measured(r.level),
            time: r.time / 2,
            event: r.event,
          }));
          const result = analyzeBiomarker(subjects, { cut });
          const quartiles = (values: number[]) => {
            const sorted = [...values].sort((a, b) => a - b);
            return sorted.length ? [0, 0.25, 0.5, 0.75, 1].map((p) => quantileSorted(sorted, p)) : null;
          };
          const asList = (d: Distribution | null) => (d ? [d.min, d.q1, d.median, d.q3, d.max] : null);
          const withLevel = subjects.filter((s) => s.level !== null);
          expect(asList(result.distribution)).toEqual(quartiles(withLevel.map((s) => s.level!.value!)));
          for (const name of ["high", "low"] as const) {
            const members = result.points.filter((p) => p.group === name);
            expect(asList(result[name]?.distribution ?? null)).toEqual(quartiles(members.map((p) => p.value)));
            expect(result[name]?.n ?? 0).toBe(members.length);
          }
          if (!result.high || !result.low || !result.points.some((p) => p.event === 1)) return;
          const time = result.points.map((p) => p.time);
          const event = result.points.map((p) => p.event);
          let chisq: number | null = null;
          try {
            chisq = compareSurvivalLogRank({ time, event, group: result.points.map((p) => p.group) }).chisq;
          } catch {
            expect(result.warnings.join(" ")).toMatch(/log-rank test needs/);
          }
          expect(result.logRank?.chisq ?? null).toBe(chisq);
          const cox = (x: number[]) => {
            try {
              return fitCoxModel({ time, event, covariates: { x } }).terms[0]!;
            } catch {
              return null;
            }
          };
          expect(result.coxHighVsLow?.hr ?? null).toBe(
            cox(result.points.map((p) => (p.group === "high" ? 1 : 0)))?.hr ?? null,
          );
          const perDoubling = cox(result.points.map((p) => Math.log2(p.value)));
          expect(result.coxPerDoubling === null).toBe(perDoubling === null);
          // The means of log2(level) are summed in another order: equal to a few units in the last
          // place, unless the likelihood has no maximum (the estimate runs off to 0 or infinity).
          if (perDoubling && !perDoubling.possiblyInfinite)
            expect(Math.abs(result.coxPerDoubling!.hr - perDoubling.hr)).toBeLessThanOrEqual(1e-9 * perDoubling.hr);
        },
      ),
    );
  });
});
