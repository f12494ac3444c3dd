import { describe, expect, test } from "vitest";
import { diffFormData, flattenFields } from "./flatten";

describe("flattenFields / diffFormData", () => {
  test("nested objects and arrays become dotted paths", () => {
    expect(flattenFields({ a: 1, b: { c: "x", d: [10, { e: null }] } })).toEqual({
      a: 1,
      "b.c": "x",
      "b.d.0": 10,
      "b.d.1.e": null,
    });
  });

  test("only changed, added and removed fields are reported", () => {
    const before = { consentDate: "2026-01-02", answers: { I1: "yes", I2: null } };
    const after = { consentDate: "2026-01-02", answers: { I1: "no", I2: "yes" }, note: "x" };
    expect(diffFormData(before, after)).toEqual([
      { field: "answers.I1", from: "yes", to: "no" },
      { field: "answers.I2", from: null, to: "yes" },
      { field: "note", from: null, to: "x" },
    ]);
    expect(diffFormData(after, after)).toEqual([]);
  });
});
