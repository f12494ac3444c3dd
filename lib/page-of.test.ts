import { describe, expect, test } from "vitest";
import { pageOf } from "./page-of";

const lanes = Array.from({ length: 123 }, (_, i) => i + 1);

describe("pageOf", () => {
  test("cuts the list into pages and says which positions are shown", () => {
    expect(pageOf(lanes, "1", 50)).toMatchObject({ page: 1, pages: 3, first: 1, last: 50 });
    expect(pageOf(lanes, "2", 50).items[0]).toBe(51);
    expect(pageOf(lanes, "3", 50)).toMatchObject({ page: 3, pages: 3, first: 101, last: 123 });
    expect(pageOf(lanes, "3", 50).items).toHaveLength(23);
  });

  test("every item is on exactly one page", () => {
    const seen = [1, 2, 3].flatMap((p) => pageOf(lanes, String(p), 50).items);
    expect(seen).toEqual(lanes);
  });

  test("a missing, malformed or out-of-range page gives the nearest real one", () => {
    expect(pageOf(lanes, undefined, 50).page).toBe(1);
    expect(pageOf(lanes, ["2", "3"], 50).page).toBe(1);
    for (const bad of ["0", "-2", "1.5", "abc", "2e3", ""]) expect(pageOf(lanes, bad, 50).page).toBe(1);
    expect(pageOf(lanes, "99", 50)).toMatchObject({ page: 3, first: 101 });
  });

  test("an empty list is one empty page", () => {
    expect(pageOf([], "4", 50)).toEqual({ items: [], page: 1, pages: 1, first: 0, last: 0 });
  });
});
