import { describe, expect, test } from "vitest";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { BaselineSchema, baselineForm } from "./baseline-form";
import { checkBaselineDate } from "./baseline-dates";
import { MULTINODULAR_BASELINE } from "@/test/fixtures/baseline-data";

/** In SI units (20.5 umol/L is 1.2 mg/dL, 38 g/L is 3.8 g/dL), with portal vein invasion and an "other" site named. */
const completeBaseline = {
  ...MULTINODULAR_BASELINE,
  ethnicity: "",
  bilirubin: { value: 20.5, unit: "umol/L" },
  albumin: { value: 38, unit: "g/L" },
  portalVeinInvasion: "yes",
  extrahepaticSites: ["lung", "other"],
  extrahepaticOtherSite: "Peritoneal nodule",
};

const errorsOf = (data: unknown) => {
  const result = BaselineSchema.safeParse(data);
  return result.success ? {} : toFieldErrors(result.error.issues);
};

describe("baseline schema", () => {
  test("a complete baseline is valid, complete, and computes the scores", () => {
    const data = BaselineSchema.parse(completeBaseline);
    expect(data.ethnicity).toBeNull();
    expect(baselineForm.isComplete(data)).toBe(true);
    const computed = baselineForm.compute!(data, { screeningDate: "2026-01-05", enrollmentDate: null, records: [] });
    // CLIP: A 0 + multinodular 1 + AFP 1 + PVT 1 = 3
    expect(computed).toMatchObject({
      childPughClass: "A",
      childPughScore: 5,
      clipScore: 3,
      bclcStage: "C",
      summary: "Child-Pugh A (5), CLIP 3, BCLC C",
    });
    expect(computed.bilirubinMgPerDl).toBeCloseTo(20.5 / 17.1, 9);
  });

  test("ranges come from the calculators and follow the unit chosen", () => {
    expect(errorsOf({ ...completeBaseline, heightCm: 1.7, weightKg: 400 })).toMatchObject({
      heightCm: ["The height must be at least 100 cm"],
      weightKg: ["The weight must be at most 250 kg"],
    });
    expect(errorsOf({ ...completeBaseline, albumin: { value: 35, unit: "g/dL" } })).toEqual({
      "albumin.value": ["The albumin must be from 0.5 to 7 g/dL: check the unit"],
    });
    expect(errorsOf({ ...completeBaseline, albumin: { value: 35, unit: "g/L" } })).toEqual({});
    expect(errorsOf({ ...completeBaseline, bilirubin: { value: 900, unit: "umol/L" } })).toEqual({
      "bilirubin.value": ["The bilirubin must be from 0 to 855 umol/L: check the unit"],
    });
    expect(errorsOf({ ...completeBaseline, ageYears: 17.5 })).toHaveProperty("ageYears");
  });

  test("ECOG 5 is refused by the BCLC calculator, on the ECOG field", () => {
    expect(errorsOf({ ...completeBaseline, ecogPs: 5 })).toEqual({
      ecogPs: [expect.stringMatching(/BCLC cannot be computed/)],
    });
  });

  test("extrahepatic sites go with extrahepatic spread; 'other' is named", () => {
    expect(errorsOf({ ...completeBaseline, extrahepaticSites: [] })).toEqual({
      extrahepaticSites: ["Tick at least one site of extrahepatic spread"],
    });
    expect(errorsOf({ ...completeBaseline, extrahepaticSpread: "no" })).toHaveProperty("extrahepaticSites");
    expect(errorsOf({ ...completeBaseline, extrahepaticOtherSite: " " })).toEqual({
      extrahepaticOtherSite: ["Name the other site"],
    });
  });

  test("a partial baseline saves as in progress with what can be computed", () => {
    const data = BaselineSchema.parse({ ...completeBaseline, inr: null, noduleCount: null });
    expect(baselineForm.isComplete(data)).toBe(false);
    const computed = baselineForm.compute!(data, { screeningDate: "2026-01-05", enrollmentDate: null, records: [] });
    expect(computed).toMatchObject({ childPughClass: null, clipScore: null, bclcStage: null });
    expect(computed.bsaM2).toBeCloseTo(1.818, 3);
    expect(computed.summary).toBeUndefined();
  });
});

describe("checkBaselineDate", () => {
  const eligibility = {
    id: "e",
    formType: "eligibility",
    visitKey: "screening",
    data: { consentDate: "2026-01-08" },
    computed: {},
  };
  test("after consent and on or before day 1 once enrolled", () => {
    const context = { screeningDate: "2026-01-05", enrollmentDate: "2026-01-15", records: [eligibility] };
    expect(checkBaselineDate("2026-01-07", "sampleDate", "sample date", context)).toEqual({
      sampleDate: ["The sample date cannot be before informed consent (2026-01-08)"],
    });
    expect(checkBaselineDate("2026-01-15", "sampleDate", "sample date", context)).toEqual({});
    expect(checkBaselineDate("2026-01-16", "sampleDate", "sample date", context)).toEqual({
      sampleDate: ["The sample date must be on or before day 1 (2026-01-15): baseline is before treatment"],
    });
    expect(
      checkBaselineDate("2026-03-01", "d", "date", { screeningDate: "2026-01-05", enrollmentDate: null, records: [] }),
    ).toEqual({});
  });
});
