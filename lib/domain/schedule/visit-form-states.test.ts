import { describe, expect, test } from "vitest";
import { listVisitFormStates } from "./visit-form-states";
import { DEFAULT_SCHEDULE } from "./visit-schedule";

describe("form states along the visit schedule", () => {
  test("recorded forms take their status; missing ones are empty in the window and overdue after it", () => {
    const records = [
      { formType: "dosing", visitKey: "day1", status: "COMPLETE" as const },
      { formType: "labs", visitKey: "week4", status: "IN_PROGRESS" as const },
    ];
    const visits = listVisitFormStates("2026-01-10", "2026-02-10", records, DEFAULT_SCHEDULE);
    expect(visits.map((v) => [v.key, v.formStates.map((f) => `${f.formType}:${f.state}`)])).toEqual([
      ["day1", ["dosing:complete", "labs:overdue"]], // day 1 window ended 2026-01-17
      ["week4", ["dosing:empty", "labs:in-progress"]], // due 2026-02-07, window to 2026-02-14
    ]);
    expect(visits[0]!.formStates[0]!.record).toBe(records[0]);
  });
});
