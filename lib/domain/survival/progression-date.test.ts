import { describe, expect, test } from "vitest";
import { earliestProgression } from "./progression-date";

describe("earliestProgression", () => {
  test("the issue's case: a PD scan on 2026-03-01 and a typed progression on 2026-03-21 give 2026-03-01 from the scan", () => {
    expect(earliestProgression("2026-03-21", "2026-03-01")).toMatchObject({
      date: "2026-03-01",
      source: "assessments",
    });
  });

  test("an earlier clinical progression wins over a later scan", () => {
    expect(earliestProgression("2026-02-10", "2026-03-01")).toMatchObject({ date: "2026-02-10", source: "entered" });
  });

  test("either alone, the same day (the scan), or neither", () => {
    expect(earliestProgression(null, "2026-03-01")).toMatchObject({ date: "2026-03-01", source: "assessments" });
    expect(earliestProgression("2026-03-01", null)).toMatchObject({ date: "2026-03-01", source: "entered" });
    expect(earliestProgression("2026-03-01", "2026-03-01")).toMatchObject({ source: "assessments" });
    expect(earliestProgression(null, undefined)).toBeNull();
    expect(earliestProgression("", "")).toBeNull();
  });
});
