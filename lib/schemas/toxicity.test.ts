import { describe, expect, test } from "vitest";
import { ToxicityQuerySchema } from "./toxicity";

describe("ToxicityQuerySchema onset dates", () => {
  // Found by fuzzing the REST API: zod runs the real-date refinement even after the format
  // check failed, and it threw on an invalid Date (a 500 instead of a field error).
  test.each(["[]", "abc", "2026-13-01", "0000-00-00", "2026-1-1"])("%s is a field error, not an exception", (value) => {
    const parsed = ToxicityQuerySchema.safeParse({ onsetFrom: value, onsetTo: value });
    expect(parsed.success).toBe(false);
    expect(new Set(parsed.error!.issues.map((issue) => issue.path.join(".")))).toEqual(
      new Set(["onsetFrom", "onsetTo"]),
    );
  });

  test("a real date passes and a non-existent one is named as such", () => {
    expect(ToxicityQuerySchema.safeParse({ onsetFrom: "2026-02-28", onsetTo: "2026-03-01" }).success).toBe(true);
    const parsed = ToxicityQuerySchema.safeParse({ onsetFrom: "2026-02-30" });
    expect(parsed.error!.issues.map((issue) => issue.message)).toEqual(["The first onset date is not a real date"]);
  });
});
