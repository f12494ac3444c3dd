import { describe, expect, it } from "vitest";
import { daysBetween, isoDateOfDayNumber, parseIsoDateToDayNumber } from "./iso-date";

describe("iso-date", () => {
  it("counts whole days in UTC, across leap years and DST changes", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2023-02-28", "2023-03-01")).toBe(1);
    expect(daysBetween("2024-03-30", "2024-04-27")).toBe(28);
    expect(parseIsoDateToDayNumber("1970-01-02")).toBe(1);
  });
  it("gives back the date of a day number, the parser's inverse, across month, leap day and year ends", () => {
    for (const iso of ["1970-01-01", "2024-02-28", "2024-02-29", "2024-03-01", "2025-12-31", "2026-01-01"])
      expect(isoDateOfDayNumber(parseIsoDateToDayNumber(iso))).toBe(iso);
    expect(isoDateOfDayNumber(parseIsoDateToDayNumber("2024-02-28") + 1)).toBe("2024-02-29");
  });

  it("rejects malformed and impossible dates", () => {
    expect(() => parseIsoDateToDayNumber("2024-2-1")).toThrow(/yyyy-mm-dd/);
    expect(() => parseIsoDateToDayNumber("2023-02-29")).toThrow(/calendar date/);
    expect(() => parseIsoDateToDayNumber("2024-13-01")).toThrow(/calendar date/);
  });
  it("gives the same day number when asked again (kept), and still rejects a bad date every time", () => {
    const first = parseIsoDateToDayNumber("2026-12-06");
    expect(parseIsoDateToDayNumber("2026-12-06")).toBe(first);
    expect(first).toBe(daysBetween("1970-01-01", "2026-12-06"));
    for (let i = 0; i < 2; i++) expect(() => parseIsoDateToDayNumber("2026-02-30")).toThrow(/calendar date/);
  });
});
