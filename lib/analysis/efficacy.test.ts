import { describe, expect, test } from "vitest";
import { summarizeEfficacy, type EfficacyPatient } from "./efficacy";

// Five patients enrolled 2026-01-05; assessments every 4-8 weeks.
const cohort: EfficacyPatient[] = [
  // Confirmed PR (week 8, confirmed week 12), progresses week 24, alive at last contact.
  {
    enrollmentDate: "2026-01-05",
    assessments: [
      { date: "2026-03-02", response: "PR" },
      { date: "2026-03-30", response: "PR" },
      { date: "2026-06-22", response: "PD" },
    ],
    lastContactDate: "2026-08-01",
  },
  // Stable disease at week 8 (past the 6-week minimum), dies without recorded progression.
  {
    enrollmentDate: "2026-01-05",
    assessments: [{ date: "2026-03-02", response: "SD" }],
    deathDate: "2026-05-01",
    lastContactDate: "2026-05-01",
  },
  // Progression at the first scan.
  {
    enrollmentDate: "2026-01-05",
    assessments: [{ date: "2026-03-02", response: "PD" }],
    deathDate: "2026-04-10",
    lastContactDate: "2026-04-10",
  },
  // Never assessed (early death): NE, but still in the denominator.
  { enrollmentDate: "2026-01-05", assessments: [], deathDate: "2026-02-01", lastContactDate: "2026-02-01" },
  // Unconfirmed PR followed by PD: counts as SD (duration met), not as a response.
  {
    enrollmentDate: "2026-01-05",
    assessments: [
      { date: "2026-03-02", response: "PR" },
      { date: "2026-04-27", response: "PD" },
    ],
    lastContactDate: "2026-07-01",
  },
];

describe("summarizeEfficacy", () => {
  const summary = summarizeEfficacy(cohort);

  test("best overall response per patient with RECIST confirmation", () => {
    expect(summary.bor).toEqual({ CR: 0, PR: 1, SD: 2, PD: 1, NE: 1 });
  });

  test("ORR and disease control over everyone enrolled, with exact CIs (R binom.test)", () => {
    expect(summary.orr).toMatchObject({ responders: 1, n: 5 });
    expect(summary.orr.lower).toBeCloseTo(0.005050763, 8); // binom.test(1, 5)
    expect(summary.orr.upper).toBeCloseTo(0.716417936, 8);
    expect(summary.dcr).toMatchObject({ responders: 3, n: 5 });
    expect(summary.dcr.lower).toBeCloseTo(0.1466328, 6); // binom.test(3, 5)
    expect(summary.dcr.upper).toBeCloseTo(0.947255, 6);
  });

  test("PFS events are progression or death; OS events are deaths", () => {
    expect(summary.pfs).toMatchObject({ n: 5, events: 5 });
    expect(summary.os).toMatchObject({ n: 5, events: 3 });
  });

  test("PFS median is the Kaplan-Meier median in months (30.4375 days)", () => {
    // PFS days: 168 (PD 06-22), 116 (death 05-01), 56 (PD 03-02), 27 (death 02-01), 112 (PD 04-27).
    // Sorted 27, 56, 112, 116, 168: S drops by 1/5 at each; S(112) = 0.4 < 0.5 first -> median 112 days.
    expect(summary.pfs.median).toBeCloseTo(112 / 30.4375, 10);
  });

  test("the CI method changes the interval, not the median", () => {
    const symmetric = summarizeEfficacy(cohort, { ciMethod: "symmetric" });
    expect(symmetric.pfs.median).toBe(summary.pfs.median);
    expect(symmetric.ciMethod).toBe("symmetric");
    expect([symmetric.pfs.lower, symmetric.pfs.upper]).not.toEqual([summary.pfs.lower, summary.pfs.upper]);
  });

  test("the published ORR of 4/43 has the exact interval 2.6% to 22.1%", () => {
    const responders = Array.from({ length: 43 }, (_, i): EfficacyPatient => ({
      enrollmentDate: "2026-01-05",
      assessments:
        i < 4
          ? [
              { date: "2026-03-02", response: "PR" },
              { date: "2026-04-06", response: "PR" },
            ]
          : [{ date: "2026-03-02", response: "PD" }],
      lastContactDate: "2026-06-01",
    }));
    const result = summarizeEfficacy(responders);
    expect(result.orr.responders).toBe(4);
    expect(result.orr.lower).toBeCloseTo(0.02593129, 7);
    expect(result.orr.upper).toBeCloseTo(0.22135345, 7);
  });
});
