import { describe, expect, test } from "vitest";
import { DEFAULT_SCHEDULE } from "@/lib/domain/schedule/visit-schedule";
import { resolveVisitKey, UNSCHEDULED_VISIT } from "./form-identity";
import { getFormDefinition, listFormDefinitions } from "./registry";

const form = (type: string) => getFormDefinition(type)!;

describe("resolveVisitKey", () => {
  test("a form recorded once per patient always gets its fixed key; another key is refused", () => {
    for (const definition of listFormDefinitions().filter((d) => d.fixedVisitKey)) {
      expect(resolveVisitKey(definition, null, DEFAULT_SCHEDULE)).toEqual({
        ok: true,
        visitKey: definition.fixedVisitKey,
      });
      expect(resolveVisitKey(definition, definition.fixedVisitKey, DEFAULT_SCHEDULE)).toEqual({
        ok: true,
        visitKey: definition.fixedVisitKey,
      });
      expect(resolveVisitKey(definition, "eos-2", DEFAULT_SCHEDULE).ok).toBe(false);
      expect(resolveVisitKey(definition, "other-visit", DEFAULT_SCHEDULE).ok).toBe(false);
    }
  });

  test("visit forms need a visit of the study's schedule at which the form is expected", () => {
    expect(resolveVisitKey(form("labs"), "day1", DEFAULT_SCHEDULE)).toEqual({ ok: true, visitKey: "day1" });
    expect(resolveVisitKey(form("labs"), "week4", DEFAULT_SCHEDULE)).toEqual({ ok: true, visitKey: "week4" });
    expect(resolveVisitKey(form("dosing"), "week148", DEFAULT_SCHEDULE)).toEqual({ ok: true, visitKey: "week148" });
    // Every 28 days: week 2 and week 6 are no visits of this schedule.
    expect(resolveVisitKey(form("labs"), "week2", DEFAULT_SCHEDULE).ok).toBe(false);
    expect(resolveVisitKey(form("dosing"), "week6", DEFAULT_SCHEDULE).ok).toBe(false);
    // Imaging every 56 days: a tumour assessment at week 8 or 16, not at week 4 or 12.
    expect(resolveVisitKey(form("tumour-assessment"), "week8", DEFAULT_SCHEDULE).ok).toBe(true);
    expect(resolveVisitKey(form("tumour-assessment"), "week16", DEFAULT_SCHEDULE).ok).toBe(true);
    expect(resolveVisitKey(form("tumour-assessment"), "week4", DEFAULT_SCHEDULE).ok).toBe(false);
    expect(resolveVisitKey(form("tumour-assessment"), "week12", DEFAULT_SCHEDULE).ok).toBe(false);
    for (const bad of [null, "", "week0", "week08", "<b>week4</b>", "week4 ", "Week4", "week1000"]) {
      expect(resolveVisitKey(form("labs"), bad, DEFAULT_SCHEDULE).ok, String(bad)).toBe(false);
    }
  });

  test("a schedule of three-weekly visits names its own visits", () => {
    const schedule = {
      visitIntervalDays: 21,
      imagingIntervalDays: 42,
      visitForms: ["dosing", "labs"],
      imagingForms: ["tumour-assessment"],
    };
    expect(resolveVisitKey(form("labs"), "week3", schedule).ok).toBe(true);
    expect(resolveVisitKey(form("labs"), "week4", schedule).ok).toBe(false);
    expect(resolveVisitKey(form("tumour-assessment"), "week6", schedule).ok).toBe(true);
    expect(resolveVisitKey(form("tumour-assessment"), "week3", schedule).ok).toBe(false);
  });

  test("event forms (adverse events) have no visit", () => {
    expect(resolveVisitKey(form("adverse-event"), null, DEFAULT_SCHEDULE)).toEqual({ ok: true, visitKey: null });
    expect(resolveVisitKey(form("adverse-event"), "<b>week4</b>", DEFAULT_SCHEDULE).ok).toBe(false);
    expect(resolveVisitKey(form("adverse-event"), "week4", DEFAULT_SCHEDULE).ok).toBe(false);
  });

  test("tumour assessments, labs and dosing may be unscheduled; no other form may", () => {
    expect(
      listFormDefinitions("visit")
        .map((d) => d.type)
        .sort(),
    ).toEqual(["dosing", "labs", "tumour-assessment"]);
    for (const definition of listFormDefinitions("visit")) {
      expect(resolveVisitKey(definition, UNSCHEDULED_VISIT, DEFAULT_SCHEDULE)).toEqual({
        ok: true,
        visitKey: "unscheduled",
      });
    }
    for (const definition of listFormDefinitions().filter((d) => d.placement !== "visit")) {
      expect(resolveVisitKey(definition, "unscheduled", DEFAULT_SCHEDULE).ok, definition.type).toBe(false);
    }
    expect(resolveVisitKey(form("labs"), "Unscheduled", DEFAULT_SCHEDULE).ok).toBe(false);
  });
});
