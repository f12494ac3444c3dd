import { describe, expect, test } from "vitest";
import { formatDate, formatDateTime, formatDateTimeInZone, formatLocalDateTime, formatTimestamp } from "./format-date";

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

describe("formatDateTimeInZone", () => {
  test("shows the site's clock with its zone and offset, across the date line", () => {
    // The review's example: signed 20:21 UTC on the 5th is 04:21 on the 6th in Taipei.
    expect(formatDateTimeInZone("2026-12-05T20:21:30Z", "Asia/Taipei")).toBe(
      "2026-12-06 04:21 Asia/Taipei (UTC+08:00)",
    );
    expect(formatDateTimeInZone("2026-07-01T12:00:00Z", "Europe/Berlin")).toBe(
      "2026-07-01 14:00 Europe/Berlin (UTC+02:00)",
    );
    expect(formatDateTimeInZone("2026-07-01T12:00:00Z", "UTC")).toBe("2026-07-01 12:00 UTC (UTC+00:00)");
  });
  test("falls back to UTC for an unknown zone and is empty without a value", () => {
    expect(formatDateTimeInZone("2026-07-01T12:00:00Z", "Mars/Olympus")).toBe("2026-07-01 12:00 UTC");
    expect(formatDateTimeInZone(null, "Asia/Taipei")).toBe("");
  });
});
