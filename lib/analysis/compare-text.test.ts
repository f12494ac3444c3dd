import { describe, expect, test } from "vitest";
import { compareText, inSubjectOrder, markInSubjectOrder } from "./compare-text";

describe("compareText and subject order", () => {
  test("compareText is localeCompare's order", () => {
    const ids = ["TW02-001", "tw01-002", "TW01-010", "TW01-002", "Ä-1", "A-1"];
    expect([...ids].sort(compareText)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });

  test("inSubjectOrder checks the order, unless the array's maker marked it sorted", () => {
    const sorted = [{ subjectId: "TW01-001" }, { subjectId: "TW01-002" }];
    const unsorted = [...sorted].reverse();
    expect(inSubjectOrder(sorted)).toBe(true);
    expect(inSubjectOrder(unsorted)).toBe(false);
    expect(inSubjectOrder(markInSubjectOrder([...sorted]))).toBe(true);
  });
});
