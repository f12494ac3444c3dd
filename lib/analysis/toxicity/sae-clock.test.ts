import { describe, expect, test } from "vitest";
import { classifySaeClock, describeSaeClock, latestSiteLocalNow } from "./sae-clock";

describe("SAE reporting clock", () => {
  test("running until the due time, then overdue, with the state in words", () => {
    const running = classifySaeClock("2026-02-05T09:15", "2026-02-04T21:15");
    expect(running).toEqual({ status: "running", dueAt: "2026-02-05T09:15", hoursLeft: 12 });
    expect(describeSaeClock(running)).toBe("Report due by 2026-02-05 09:15 (12 h left)");
    expect(classifySaeClock("2026-02-05T09:15", "2026-02-05T09:15")).toMatchObject({ status: "running", hoursLeft: 0 });
    const overdue = classifySaeClock("2026-02-05T09:15", "2026-02-05T09:16");
    expect(overdue).toEqual({ status: "overdue", dueAt: "2026-02-05T09:15", hoursOverdue: 1 });
    expect(describeSaeClock(overdue)).toBe("OVERDUE: report was due by 2026-02-05 09:15 (1 h ago)");
    // Beyond two days the age is in days ("36 days ago", not "866 h ago").
    const longOverdue = classifySaeClock("2026-02-05T09:15", "2026-03-13T11:15");
    expect(longOverdue).toMatchObject({ status: "overdue", hoursOverdue: 866 });
    expect(describeSaeClock(longOverdue)).toBe("OVERDUE: report was due by 2026-02-05 09:15 (36 days ago)");
  });

  test("the report stops the clock; a late report stays marked late", () => {
    const onTime = classifySaeClock("2026-02-05T09:15", "2026-03-01T00:00", "2026-02-05T08:00");
    expect(onTime).toEqual({
      status: "reported",
      dueAt: "2026-02-05T09:15",
      reportedAt: "2026-02-05T08:00",
      late: false,
    });
    expect(describeSaeClock(onTime)).toBe("Reported 2026-02-05 08:00 (on time)");
    const late = classifySaeClock("2026-02-05T09:15", "2026-02-05T09:00", "2026-02-05T10:00");
    expect(late).toMatchObject({ status: "reported", late: true });
    expect(describeSaeClock(late)).toBe("Reported 2026-02-05 10:00 - LATE (due by 2026-02-05 09:15)");
  });

  test("no due time, no clock", () => {
    expect(classifySaeClock(null, "2026-02-05T09:15")).toEqual({ status: "no-deadline" });
    expect(classifySaeClock("garbage", "2026-02-05T09:15")).toEqual({ status: "no-deadline" });
  });

  test("the clock is read at the latest site time zone (UTC+14)", () => {
    expect(latestSiteLocalNow(new Date("2026-02-04T20:00:00Z"))).toBe("2026-02-05T10:00");
  });
});
