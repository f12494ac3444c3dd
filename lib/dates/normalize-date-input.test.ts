import { describe, expect, test } from "vitest";
import { localIsoDate, monthGrid, normalizeDateInput } from "./normalize-date-input";

describe("normalizeDateInput", () => {
  test("basic and extended ISO forms become yyyy-mm-dd", () => {
    expect(normalizeDateInput("20261205")).toBe("2026-12-05");
    expect(normalizeDateInput("2026-2-5")).toBe("2026-02-05");
    expect(normalizeDateInput(" 2026/02/05 ")).toBe("2026-02-05");
    expect(normalizeDateInput("2026.12.5")).toBe("2026-12-05");
    expect(normalizeDateInput("2026-12-05")).toBe("2026-12-05");
    expect(normalizeDateInput("20240229")).toBe("2024-02-29");
  });
  test("impossible days and ambiguous orders stay as typed for the schema to refuse", () => {
    expect(normalizeDateInput("20260231")).toBe("20260231");
    expect(normalizeDateInput("20250229")).toBe("20250229");
    expect(normalizeDateInput("2026-13-01")).toBe("2026-13-01");
    expect(normalizeDateInput("05/02/2026")).toBe("05/02/2026");
    expect(normalizeDateInput("2026125")).toBe("2026125");
    expect(normalizeDateInput("")).toBe("");
  });
});

describe("calendar helpers", () => {
  test("the local date of an instant", () => {
    expect(localIsoDate(new Date(2026, 0, 9, 23, 59))).toBe("2026-01-09");
  });
  test("December 2026 starts on a Tuesday: weeks run Monday to Sunday", () => {
    const grid = monthGrid(2026, 12);
    expect(grid[0]).toEqual([null, "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(grid.flat().filter(Boolean)).toHaveLength(31);
    expect(grid.every((week) => week.length === 7)).toBe(true);
    expect(monthGrid(2024, 2).flat().filter(Boolean)).toHaveLength(29);
  });
});
