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
  });

  test("no due time, no clock", () => {
    expect(classifySaeClock(null, "2026-02-05T09:15")).toEqual({ status: "no-deadline" });
    expect(classifySaeClock("garbage", "2026-02-05T09:15")).toEqual({ status: "no-deadline" });
  });

  test("the clock is read at the latest site time zone (UTC+14)", () => {
    expect(latestSiteLocalNow(new Date("2026-02-04T20:00:00Z"))).toBe("2026-02-05T10:00");
  });
});
