import { describe, expect, test } from "vitest";
import { formatDate, formatDateTime, formatLocalDateTime, formatTimestamp } from "./format-date";

describe("date display", () => {
  test("calendar dates stay as entered, never shifted by a time zone", () => {
    expect(formatDate("2026-03-04")).toBe("2026-03-04");
    expect(formatDate("2026-12-31")).toBe("2026-12-31");
  });

  test("timestamps show their UTC date and time, whatever the machine's zone or locale", () => {
    expect(formatDate("2026-03-04T23:30:00.000Z")).toBe("2026-03-04");
    expect(formatDate(new Date(Date.UTC(2026, 0, 2, 1, 0)))).toBe("2026-01-02");
    expect(formatDateTime("2026-03-04T14:05:09.123Z")).toBe("2026-03-04 14:05 UTC");
    expect(formatTimestamp("2026-03-04T14:05:09.123Z")).toBe("2026-03-04 14:05:09 UTC");
    expect(formatDateTime("2026-03-04T14:05:09+02:00")).toBe("2026-03-04 12:05 UTC");
  });

  test("site-local times as entered, and nothing for missing values", () => {
    expect(formatLocalDateTime("2026-02-04T09:15")).toBe("2026-02-04 09:15");
    for (const empty of [null, undefined, ""]) {
      expect(formatDate(empty)).toBe("");
      expect(formatDateTime(empty)).toBe("");
      expect(formatLocalDateTime(empty)).toBe("");
    }
  });

  test("a value that is not a date is shown as it is rather than hidden", () => {
    expect(formatDate("not recorded")).toBe("not recorded");
  });
});
