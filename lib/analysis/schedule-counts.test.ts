import { describe, expect, test } from "vitest";
import { parseIsoDateToDayNumber } from "@/lib/domain/iso-date";
import { countScheduleFacts, type ScheduleFacts, type ScheduleRule } from "./schedule-counts";

// Visits every 28 days from day 1 (2026-01-01, 01-29, 02-26, ...), a 7-day window, three visit
// forms, one imaging form every second visit after day 1 (02-26, 04-23, ...).
const rule: ScheduleRule = { windowDays: 7, visitIntervalDays: 28, imagingEvery: 2, visitForms: 3, imagingForms: 1 };
const day = (iso: string) => parseIsoDateToDayNumber(iso);
const facts = (overrides: Partial<ScheduleFacts> = {}): ScheduleFacts => ({
  patientId: "p",
  subjectId: "S-1",
  siteId: "s",
  siteCode: "TW01",
  enrollmentDate: "2026-01-01",
  scheduleEnd: null,
  firstGapDue: "2026-01-29",
  // Day 1's three forms and two of 01-29's.
  recordedDue: Int32Array.from(["2026-01-01", "2026-01-01", "2026-01-01", "2026-01-29", "2026-01-29"].map(day)),
  unsigned: 2,
  unverified: 4,
  verified: 1,
  baselineMissingLabs: 0,
  ...overrides,
});

describe("countScheduleFacts", () => {
  test("forms past their window are overdue, those of a visit still open are missing", () => {
    // 02-28: the window of 01-29 ended 02-05; 02-26's (three visit forms and imaging) is open.
    expect(countScheduleFacts(facts(), rule, day("2026-02-28"))).toMatchObject({
      overdue: 1,
      missing: 4,
      dueThisWeek: 4,
      currentVisitDue: "2026-02-26",
      unsigned: 2,
      unverified: 4,
      verified: 1,
    });
    // 03-15: 02-26's window ended 03-05, so all five are overdue.
    expect(countScheduleFacts(facts(), rule, day("2026-03-15"))).toMatchObject({ overdue: 5, missing: 0 });
  });

  test("nothing is expected after the schedule's end", () => {
    const ended = facts({ scheduleEnd: "2026-02-10" });
    expect(countScheduleFacts(ended, rule, day("2026-03-15"))).toMatchObject({
      overdue: 1,
      missing: 0,
      dueThisWeek: 0,
    });
  });

  test("an enrollment more than a week ahead expects day 1's forms, not yet due this week", () => {
    const ahead = facts({ enrollmentDate: "2026-03-30", recordedDue: new Int32Array(0) });
    expect(countScheduleFacts(ahead, rule, day("2026-03-15"))).toMatchObject({
      overdue: 0,
      missing: 3,
      dueThisWeek: 0,
      currentVisitDue: "2026-03-30",
    });
    expect(countScheduleFacts(ahead, rule, day("2026-03-25"))).toMatchObject({ missing: 3, dueThisWeek: 3 });
  });

  test("a patient not enrolled expects nothing", () => {
    const screening = facts({ enrollmentDate: null, firstGapDue: null, recordedDue: new Int32Array(0) });
    expect(countScheduleFacts(screening, rule, day("2026-03-15"))).toMatchObject({
      overdue: 0,
      missing: 0,
      dueThisWeek: 0,
      currentVisitDue: null,
    });
  });
});
