import { describe, expect, test } from "vitest";
import { DEFAULT_SCHEDULE } from "@/lib/domain/schedule/visit-schedule";
import { expectedFormsOfVisit, nextExpectedForm, nextFormHref } from "./next-form";
import { listFormDefinitions } from "./registry";

describe("save and next", () => {
  test("the next incomplete form after the current one, wrapping to earlier ones; none when the visit is done", () => {
    const visit = ["dosing", "labs", "tumour-assessment"];
    expect(nextExpectedForm(visit, "dosing", new Set())).toBe("labs");
    expect(nextExpectedForm(visit, "dosing", new Set(["labs"]))).toBe("tumour-assessment");
    expect(nextExpectedForm(visit, "tumour-assessment", new Set())).toBe("dosing");
    expect(nextExpectedForm(visit, "labs", new Set(["dosing", "tumour-assessment"]))).toBeNull();
    expect(nextExpectedForm(visit, "labs", new Set(["labs", "dosing", "tumour-assessment"]))).toBeNull();
  });

  test("a visit's forms come from the schedule: day 1, a plain visit and an imaging visit", () => {
    const { visitForms, imagingForms, visitIntervalDays, imagingIntervalDays } = DEFAULT_SCHEDULE;
    expect(expectedFormsOfVisit("day1", "2026-01-15", DEFAULT_SCHEDULE)).toEqual(visitForms);
    const plainWeek = visitIntervalDays / 7;
    const imagingWeek = imagingIntervalDays / 7;
    if (visitIntervalDays % imagingIntervalDays !== 0)
      expect(expectedFormsOfVisit(`week${plainWeek}`, "2026-01-15", DEFAULT_SCHEDULE)).toEqual(visitForms);
    expect(expectedFormsOfVisit(`week${imagingWeek}`, "2026-01-15", DEFAULT_SCHEDULE)).toEqual([
      ...visitForms,
      ...imagingForms,
    ]);
    expect(expectedFormsOfVisit("week3", "2026-01-15", { ...DEFAULT_SCHEDULE, visitIntervalDays: 14 })).toBeNull();
    expect(expectedFormsOfVisit("screening", "2026-01-15", DEFAULT_SCHEDULE)).toBeNull();
  });
});

describe("the Save and next link", () => {
  const base = { patientId: "p1", enrollmentDate: "2026-01-15", schedule: DEFAULT_SCHEDULE, records: [] };
  test("dosing at day 1 leads to the labs of day 1; labs at an imaging visit lead to the tumour assessment", () => {
    expect(nextFormHref({ ...base, formType: "dosing", visitKey: "day1" })?.href).toBe(
      "/patients/p1/forms/labs?visit=day1",
    );
    expect(nextFormHref({ ...base, formType: "labs", visitKey: "week8" })?.href).toBe(
      "/patients/p1/forms/tumour-assessment?visit=week8",
    );
  });
  test("complete forms are skipped; a visit with nothing left and an adverse event have no next form", () => {
    const records = [{ formType: "labs", visitKey: "day1", status: "COMPLETE" }];
    expect(nextFormHref({ ...base, records, formType: "dosing", visitKey: "day1" })).toBeNull();
    expect(nextFormHref({ ...base, formType: "adverse-event", visitKey: null })).toBeNull();
  });
  test("baseline forms lead through the baseline section with their own visit key", () => {
    const baseline = listFormDefinitions("baseline");
    if (baseline.length < 2) return;
    const next = nextFormHref({ ...base, formType: baseline[0]!.type, visitKey: baseline[0]!.fixedVisitKey ?? null });
    expect(next?.href).toBe(
      `/patients/p1/forms/${baseline[1]!.type}${baseline[1]!.fixedVisitKey ? `?visit=${baseline[1]!.fixedVisitKey}` : ""}`,
    );
  });
});
