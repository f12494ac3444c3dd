import { describe, expect, test } from "vitest";
import { formatCount, formatHoursSpan } from "./format-count";

describe("formatCount", () => {
  test("singular for one, plural otherwise, irregular plurals given", () => {
    expect(formatCount(1, "query", "queries")).toBe("1 query");
    expect(formatCount(2, "query", "queries")).toBe("2 queries");
    expect(formatCount(0, "form")).toBe("0 forms");
    expect(formatCount(1, "form")).toBe("1 form");
  });
});

describe("formatHoursSpan", () => {
  test("hours up to two days, whole days after", () => {
    expect(formatHoursSpan(1)).toBe("1 h");
    expect(formatHoursSpan(48)).toBe("48 h");
    expect(formatHoursSpan(49)).toBe("2 days");
    expect(formatHoursSpan(866)).toBe("36 days");
  });
});
