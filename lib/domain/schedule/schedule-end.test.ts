import { describe, expect, test } from "vitest";
import { scheduleEndDate } from "./schedule-end";
import { listVisitFormStates } from "./visit-form-states";
import { DEFAULT_SCHEDULE } from "./visit-schedule";

describe("scheduleEndDate", () => {
  test("today while the patient is on treatment", () => {
    expect(scheduleEndDate("2026-12-05", null)).toBe("2026-12-05");
    expect(scheduleEndDate("2026-12-05", { deathDate: null, offTreatmentDate: null, offStudyDate: null })).toBe(
      "2026-12-05",
    );
  });

  test("the earliest of death, off treatment and off study (withdrawal) when before today", () => {
    expect(scheduleEndDate("2026-12-05", { deathDate: "2024-09-01" })).toBe("2024-09-01");
    expect(scheduleEndDate("2026-12-05", { deathDate: "2024-09-01", offTreatmentDate: "2024-07-14" })).toBe(
      "2024-07-14",
    );
    expect(scheduleEndDate("2026-12-05", { offStudyDate: "2025-01-31", offTreatmentDate: null })).toBe("2025-01-31");
    expect(scheduleEndDate("2026-01-01", { offTreatmentDate: "2026-06-01" })).toBe("2026-01-01");
  });

  test("a patient who died five months after enrollment in 2024 has nothing overdue in 2026", () => {
    const until = scheduleEndDate("2026-12-05", { deathDate: "2024-06-10", offTreatmentDate: "2024-05-20" });
    const states = listVisitFormStates("2024-01-08", until, [], DEFAULT_SCHEDULE).flatMap((v) =>
      v.formStates.map((f) => f.state),
    );
    const unbounded = listVisitFormStates("2024-01-08", "2026-12-05", [], DEFAULT_SCHEDULE).flatMap((v) =>
      v.formStates.map((f) => f.state),
    );
    // Day 1 to week 16 (due 2024-04-29) are expected; week 20 (2024-05-27) comes after treatment ended.
    expect(states).toHaveLength(5 * 2 + 2);
    // Each of those windows closed while the patient was on treatment: genuinely missed, so overdue.
    expect(states.filter((s) => s === "overdue")).toHaveLength(12);
    expect(unbounded.filter((s) => s === "overdue").length).toBeGreaterThan(80);
  });
});
