import { describe, expect, it } from "vitest";
import { countPatientsWithDlt, isDoseLimitingToxicity, type DltCandidate } from "./dose-limiting-toxicity";

const event = (extra: Partial<DltCandidate> = {}): DltCandidate => ({
  patientId: "p1",
  grade: 3,
  onsetDate: "2026-02-01",
  enrollmentDate: "2026-01-05",
  attribution: { thalidomide: "possible", uft: "unrelated" },
  ...extra,
});

describe("isDoseLimitingToxicity", () => {
  it("is a grade 3+ treatment-emergent event related to either drug", () => {
    expect(isDoseLimitingToxicity(event())).toBe(true);
    expect(
      isDoseLimitingToxicity(event({ grade: 5, attribution: { thalidomide: "unrelated", uft: "definite" } })),
    ).toBe(true);
  });

  it("is not grade 2, unrelated or unlikely, before day 1, or ungraded", () => {
    expect(isDoseLimitingToxicity(event({ grade: 2 }))).toBe(false);
    expect(isDoseLimitingToxicity(event({ attribution: { thalidomide: "unlikely", uft: "unrelated" } }))).toBe(false);
    expect(isDoseLimitingToxicity(event({ attribution: { thalidomide: null, uft: null } }))).toBe(false);
    expect(isDoseLimitingToxicity(event({ onsetDate: "2026-01-04" }))).toBe(false);
    expect(isDoseLimitingToxicity(event({ enrollmentDate: null }))).toBe(false);
    expect(isDoseLimitingToxicity(event({ grade: null }))).toBe(false);
  });
});

describe("countPatientsWithDlt", () => {
  it("counts each enrolled patient once, over the enrolled denominator", () => {
    const events = [
      event(),
      event({ onsetDate: "2026-03-01" }),
      event({ patientId: "p2", grade: 2 }),
      event({ patientId: "p3" }),
      event({ patientId: "not-enrolled" }),
    ];
    expect(countPatientsWithDlt(events, ["p1", "p2", "p3", "p4"])).toEqual({ patients: 4, withDlt: 2 });
  });
});
