import { describe, expect, test } from "vitest";
import { DEFAULT_SCHEDULE } from "@/lib/domain/schedule/visit-schedule";
import { summarizeDataQuality, summarizeQualityCounts, type QualityRecord } from "./data-quality";

const patients = [
  { id: "a", subjectId: "TW01-001", siteCode: "TW01", enrollmentDate: "2026-01-10" },
  { id: "b", subjectId: "TW01-002", siteCode: "TW01", enrollmentDate: null },
  { id: "c", subjectId: "TW02-001", siteCode: "TW02", enrollmentDate: "2026-02-01" },
];
const rec = (
  patientId: string,
  formType: string,
  visitKey: string | null,
  status: QualityRecord["status"],
  signed = false,
  baselineMissing = false,
): QualityRecord => ({
  patientId,
  formType,
  visitKey,
  status,
  signed,
  baselineMissing,
});

describe("data quality per site", () => {
  test("missing, overdue and unsigned forms, open queries and labs without a baseline and source-verified forms and fields, each with its patients", () => {
    const records = [
      { ...rec("a", "dosing", "day1", "COMPLETE", true), verified: true },
      rec("a", "labs", "day1", "COMPLETE", true, true),
      rec("b", "eligibility", "screening", "COMPLETE"),
      rec("b", "baseline", "baseline", "IN_PROGRESS"),
    ];
    // Today 2026-02-10: A's day-1 forms are done; week 4 (due 02-07, window to 02-14) is missing.
    // C's day 1 (due 02-01, window to 02-08) is overdue: dosing and labs.
    const [tw01, tw02] = summarizeDataQuality(
      ["TW01", "TW02"],
      patients,
      records,
      { b: 2 },
      "2026-02-10",
      DEFAULT_SCHEDULE,
      { b: 3 },
    );
    expect(tw01).toEqual({
      siteCode: "TW01",
      missingForms: { count: 2, patients: [{ id: "a", subjectId: "TW01-001", count: 2 }] },
      overdueForms: { count: 0, patients: [] },
      openQueries: { count: 2, patients: [{ id: "b", subjectId: "TW01-002", count: 2 }] },
      unsignedForms: { count: 1, patients: [{ id: "b", subjectId: "TW01-002", count: 1 }] },
      missingBaselineLabs: { count: 1, patients: [{ id: "a", subjectId: "TW01-001", count: 1 }] },
      verifiedForms: { count: 1, patients: [{ id: "a", subjectId: "TW01-001", count: 1 }] },
      verifiedFields: { count: 3, patients: [{ id: "b", subjectId: "TW01-002", count: 3 }] },
    });
    expect(tw02!.overdueForms).toEqual({ count: 2, patients: [{ id: "c", subjectId: "TW02-001", count: 2 }] });
    expect(tw02!.missingForms.count).toBe(0);
  });

  test("a site without patients has zero everywhere", () => {
    expect(summarizeDataQuality(["TW03"], patients, [], {}, "2026-02-10", DEFAULT_SCHEDULE)[0]).toMatchObject({
      missingForms: { count: 0 },
      openQueries: { count: 0 },
    });
  });

  test("per-patient counts (the schedule facts) give the same summary, patients sorted by subject ID", () => {
    const counts = [
      {
        patientId: "c",
        subjectId: "TW02-001",
        siteCode: "TW02",
        missing: 0,
        overdue: 2,
        unsigned: 0,
        verified: 0,
        baselineMissingLabs: 0,
      },
      {
        patientId: "a",
        subjectId: "TW01-001",
        siteCode: "TW01",
        missing: 2,
        overdue: 0,
        unsigned: 0,
        verified: 1,
        baselineMissingLabs: 1,
      },
      {
        patientId: "b",
        subjectId: "TW01-002",
        siteCode: "TW01",
        missing: 0,
        overdue: 0,
        unsigned: 1,
        verified: 0,
        baselineMissingLabs: 0,
      },
    ];
    const records = [
      { ...rec("a", "dosing", "day1", "COMPLETE", true), verified: true },
      rec("a", "labs", "day1", "COMPLETE", true, true),
      rec("b", "eligibility", "screening", "COMPLETE"),
    ];
    expect(summarizeQualityCounts(["TW01", "TW02", "TW03"], counts, { b: 2 }, { b: 3 })).toEqual(
      summarizeDataQuality(["TW01", "TW02", "TW03"], patients, records, { b: 2 }, "2026-02-10", DEFAULT_SCHEDULE, {
        b: 3,
      }),
    );
  });
});
