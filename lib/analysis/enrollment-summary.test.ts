import { describe, expect, test } from "vitest";
import { summarizeEnrollment } from "./enrollment-summary";

describe("summarizeEnrollment", () => {
  const sites = [
    { id: "a", code: "TW01", name: "Taipei", targetEnrollment: 3 },
    { id: "b", code: "TW02", name: "Kaohsiung", targetEnrollment: 2 },
  ];
  const patients = [
    { siteId: "a", status: "ON_TREATMENT", enrollmentDate: "2024-03-01" },
    { siteId: "a", status: "DEAD", enrollmentDate: "2024-01-10" },
    { siteId: "a", status: "SCREEN_FAILED", enrollmentDate: null },
    { siteId: "b", status: "OFF_TREATMENT", enrollmentDate: "2024-02-01" },
    { siteId: "b", status: "SCREENING", enrollmentDate: null },
    { siteId: "elsewhere", status: "ON_TREATMENT", enrollmentDate: "2024-02-01" },
  ];

  test("counts per site and in total against the sum of the targets, ignoring sites out of scope", () => {
    const summary = summarizeEnrollment(sites, patients);
    expect(summary.sites[0]).toMatchObject({
      code: "TW01",
      screened: 3,
      screenFailed: 1,
      enrolled: 2,
      onTreatment: 1,
      offStudy: 1,
      target: 3,
    });
    expect(summary.sites[1]).toMatchObject({
      code: "TW02",
      screened: 2,
      inScreening: 1,
      enrolled: 1,
      inFollowUp: 1,
      percentOfTarget: 50,
    });
    expect(summary.total).toMatchObject({ screened: 5, enrolled: 3, target: 5, percentOfTarget: 60 });
  });

  test("cumulative enrollment steps up by date per site", () => {
    expect(summarizeEnrollment(sites, patients).cumulative[0]).toEqual({
      code: "TW01",
      points: [
        { date: "2024-01-10", enrolled: 1 },
        { date: "2024-03-01", enrolled: 2 },
      ],
    });
  });
});
