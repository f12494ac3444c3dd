import { describe, expect, it } from "vitest";
import { decideSafetyAlert } from "./safety-alert-rules";

const patient = { subjectId: "TW01-007", siteCode: "TW01" };
const ae = (serious: "yes" | "no", grade: number) => ({
  term: "Neutrophil count decreased",
  grade,
  onsetDate: "2026-02-09",
  serious,
  awareAt: "2026-02-09 10:00",
});

describe("decideSafetyAlert", () => {
  it("alerts a new SAE, and an existing event becoming serious", () => {
    expect(decideSafetyAlert("adverse-event", null, ae("yes", 3), patient)).toMatchObject({
      kind: "SAE_NEW",
      subject: "New serious adverse event: Neutrophil count decreased, patient TW01-007 (site TW01)",
    });
    expect(decideSafetyAlert("adverse-event", ae("no", 3), ae("yes", 3), patient)?.kind).toBe("SAE_NEW");
  });
  it("alerts an SAE upgraded to a higher grade, not an unchanged or non-serious one", () => {
    expect(decideSafetyAlert("adverse-event", ae("yes", 3), ae("yes", 4), patient)).toMatchObject({
      kind: "SAE_UPGRADED",
      subject: expect.stringContaining("upgraded to grade 4"),
    });
    expect(decideSafetyAlert("adverse-event", ae("yes", 3), ae("yes", 3), patient)).toBeNull();
    expect(decideSafetyAlert("adverse-event", null, ae("no", 4), patient)).toBeNull();
  });
  it("alerts a positive pregnancy test once", () => {
    const test = (result: string | null) => ({ testDate: "2026-03-01", result });
    expect(decideSafetyAlert("pregnancy-test", null, test("positive"), patient)?.kind).toBe("PREGNANCY");
    expect(decideSafetyAlert("pregnancy-test", test("positive"), test("positive"), patient)).toBeNull();
    expect(decideSafetyAlert("pregnancy-test", null, test("negative"), patient)).toBeNull();
  });
});
