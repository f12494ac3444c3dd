import { describe, expect, test } from "vitest";
import { diffFields } from "./audit-log";

describe("diffFields", () => {
  test("lists only changed fields with old and new values", () => {
    const before = { status: "SCREENING", screeningDate: new Date("2026-01-05T00:00:00Z"), version: 1 };
    const after = { status: "ON_TREATMENT", screeningDate: new Date("2026-01-05T00:00:00Z"), version: 2 };
    expect(diffFields(before, after, ["status", "screeningDate"])).toEqual([
      { field: "status", from: "SCREENING", to: "ON_TREATMENT" },
    ]);
  });

  test("a creation records every field from null", () => {
    expect(diffFields(null, { a: 1, b: null }, ["a", "b"])).toEqual([{ field: "a", from: null, to: 1 }]);
  });

  test("dates are compared by instant and written as ISO strings", () => {
    const changes = diffFields({ d: new Date("2026-01-05T00:00:00Z") }, { d: new Date("2026-01-06T00:00:00Z") }, ["d"]);
    expect(changes).toEqual([{ field: "d", from: "2026-01-05T00:00:00.000Z", to: "2026-01-06T00:00:00.000Z" }]);
  });
});
