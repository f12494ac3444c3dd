import { describe, expect, test } from "vitest";
import {
  addHoursToLocalDateTime,
  computeSaeReportDueAt,
  findEarliestOnsetDate,
  findRecordedDeathDate,
  isLocalDateTimeInFuture,
  summarizeAdverseEvent,
} from "./adverse-event-rules";
import type { FormContext } from "./form-definition";

const context = (records: FormContext["records"]): FormContext => ({
  screeningDate: "2026-01-10",
  enrollmentDate: "2026-01-15",
  records,
});
const record = (formType: string, data: unknown) => ({ id: formType, formType, visitKey: null, data, computed: {} });

describe("the 24-hour SAE reporting clock", () => {
  test("is due 24 h after the site became aware, across day, month and year ends", () => {
    expect(computeSaeReportDueAt("2026-03-01T09:30")).toBe("2026-03-02T09:30");
    expect(computeSaeReportDueAt("2026-02-28T23:59")).toBe("2026-03-01T23:59");
    expect(computeSaeReportDueAt("2026-12-31T18:00")).toBe("2027-01-01T18:00");
    expect(computeSaeReportDueAt("2028-02-28T08:00")).toBe("2028-02-29T08:00");
  });

  test("refuses what is not a real local date-time", () => {
    expect(computeSaeReportDueAt("2026-02-30T10:00")).toBeNull();
    expect(computeSaeReportDueAt("2026-02-10 10:00")).toBeNull();
    expect(addHoursToLocalDateTime("2026-02-10T25:00", 1)).toBeNull();
  });

  test("a local time is future only beyond the largest time-zone offset", () => {
    const now = new Date("2026-05-01T12:00:00Z");
    expect(isLocalDateTimeInFuture("2026-05-01T20:00", now)).toBe(false); // Taipei, UTC+8
    expect(isLocalDateTimeInFuture("2026-05-02T02:00", now)).toBe(false); // UTC+14
    expect(isLocalDateTimeInFuture("2026-05-02T02:01", now)).toBe(true);
  });
});

describe("cross-form dates", () => {
  test("onset is bounded by consent, or the screening date before consent is recorded", () => {
    expect(findEarliestOnsetDate(context([record("eligibility", { consentDate: "2026-01-09" })]))).toEqual({
      date: "2026-01-09",
      label: "informed consent date",
    });
    expect(findEarliestOnsetDate(context([]))).toEqual({ date: "2026-01-10", label: "screening date" });
  });

  test("the end-of-study death date, when there is one", () => {
    expect(findRecordedDeathDate(context([record("end-of-study", { deathDate: "2026-04-02" })]))).toBe("2026-04-02");
    expect(findRecordedDeathDate(context([record("end-of-study", { deathDate: null })]))).toBeNull();
    expect(findRecordedDeathDate(context([]))).toBeNull();
  });
});

test("the summary names term, grade and seriousness", () => {
  expect(summarizeAdverseEvent("Platelet count decreased", 3, true)).toBe("Platelet count decreased, grade 3, SAE");
  expect(summarizeAdverseEvent("Fatigue", 1, false)).toBe("Fatigue, grade 1");
});
