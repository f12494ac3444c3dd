import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { gradeLabValue } from "./grade-lab-value";

describe("Aspartate aminotransferase increased (ULN 40 U/L)", () => {
  it.each([
    [40, 0, "<=ULN (not increased)"],
    [40.1, 1, ">ULN - 3.0 x ULN"],
    [120, 1, ">ULN - 3.0 x ULN"],
    [121, 2, ">3.0 - 5.0 x ULN"],
    [200, 2, ">3.0 - 5.0 x ULN"],
    [201, 3, ">5.0 - 20.0 x ULN"],
    [800, 3, ">5.0 - 20.0 x ULN"],
    [801, 4, ">20.0 x ULN"],
  ])("baseline normal: %s -> grade %s", (value, grade, basis) => {
    const result = gradeLabValue({ test: "ast", value, unit: "U/L", uln: 40, baseline: 30 });
    expect(result).toEqual({
      grade,
      term: "Aspartate aminotransferase increased",
      basis: `${basis} (baseline normal)`,
      normalizedValue: value,
      normalizedUnit: "U/L",
    });
  });

  it.each([
    [119, 0, "<1.5 x baseline (not increased)"],
    [120, 1, "1.5 - 3.0 x baseline"],
    [240, 1, "1.5 - 3.0 x baseline"],
    [241, 2, ">3.0 - 5.0 x baseline"],
    [400, 2, ">3.0 - 5.0 x baseline"],
    [401, 3, ">5.0 - 20.0 x baseline"],
    [1600, 3, ">5.0 - 20.0 x baseline"],
    [1601, 4, ">20.0 x baseline"],
  ])("baseline abnormal (80 > ULN): %s -> grade %s", (value, grade, basis) => {
    const result = gradeLabValue({ test: "ast", value, unit: "IU/L", uln: 40, baseline: 80 });
    expect(result.grade).toBe(grade);
    expect(result.basis).toBe(`${basis} (baseline abnormal: >ULN)`);
  });

  it("counts a baseline exactly at ULN as normal", () => {
    expect(gradeLabValue({ test: "ast", value: 121, unit: "U/L", uln: 40, baseline: 40 })).toMatchObject({
      grade: 2,
      basis: ">3.0 - 5.0 x ULN (baseline normal)",
    });
  });

  it("grades against ULN when no baseline is given, and says so", () => {
    expect(gradeLabValue({ test: "ast", value: 121, unit: "U/L", uln: 40 }).basis).toBe(
      ">3.0 - 5.0 x ULN (baseline not given; assumed normal)",
    );
  });

  it("names why the baseline is absent: none before treatment, or the sample is itself pre-treatment", () => {
    expect(gradeLabValue({ test: "ast", value: 160, unit: "U/L", uln: 40, baselineAbsence: "missing" })).toMatchObject({
      grade: 2,
      basis: ">3.0 - 5.0 x ULN (no pre-treatment baseline: graded as if normal)",
    });
    expect(
      gradeLabValue({ test: "creatinine", value: 1.2, unit: "mg/dL", uln: 1.0, baselineAbsence: "missing" }).basis,
    ).toBe(">ULN - 1.5 x ULN (no pre-treatment baseline: graded as if normal)");
    expect(
      gradeLabValue({ test: "ast", value: 50, unit: "U/L", uln: 40, baselineAbsence: "pre-treatment" }).basis,
    ).toMatch(/pre-treatment sample/);
  });
});

describe("Alanine aminotransferase increased", () => {
  it("uses the transaminase cut-offs", () => {
    const base = { test: "alt", unit: "U/L", uln: 35 } as const;
    expect(gradeLabValue({ ...base, value: 105 }).grade).toBe(1);
    expect(gradeLabValue({ ...base, value: 106 }).grade).toBe(2);
    expect(gradeLabValue({ ...base, value: 106 }).term).toBe("Alanine aminotransferase increased");
    expect(gradeLabValue({ ...base, value: 105, baseline: 70 }).grade).toBe(1);
    expect(gradeLabValue({ ...base, value: 104, baseline: 70 }).grade).toBe(0);
  });
});

describe("Blood bilirubin increased", () => {
  it.each([
    [1.0, 0],
    [1.01, 1],
    [1.5, 1],
    [1.51, 2],
    [3.0, 2],
    [3.01, 3],
    [10.0, 3],
    [10.01, 4],
  ])("ULN 1.0 mg/dL: %s -> grade %s", (value, grade) => {
    expect(gradeLabValue({ test: "bilirubin", value, unit: "mg/dL", uln: 1.0 }).grade).toBe(grade);
  });

  it.each([
    [2.0, 0],
    [2.01, 1],
    [3.0, 1],
    [3.01, 2],
    [6.0, 2],
    [6.01, 3],
    [20.0, 3],
    [20.01, 4],
  ])("baseline abnormal (2.0, ULN 1.0): %s -> grade %s", (value, grade) => {
    expect(gradeLabValue({ test: "bilirubin", value, unit: "mg/dL", uln: 1.0, baseline: 2.0 }).grade).toBe(grade);
  });

  it("is not misgraded by floating point at 1.5 x ULN (1.5 * 1.2 = 1.7999999999999998)", () => {
    expect(gradeLabValue({ test: "bilirubin", value: 1.8, unit: "mg/dL", uln: 1.2 }).grade).toBe(1);
    expect(gradeLabValue({ test: "bilirubin", value: 1.81, unit: "mg/dL", uln: 1.2 }).grade).toBe(2);
  });

  it("grades umol/L by ratio and reports mg/dL", () => {
    const result = gradeLabValue({ test: "bilirubin", value: 30.75, unit: "µmol/L", uln: 20.5 });
    expect(result.grade).toBe(1); // exactly 1.5 x ULN
    expect(result.normalizedUnit).toBe("mg/dL");
    expect(result.normalizedValue).toBeCloseTo(30.75 / 17.1, 10);
    expect(gradeLabValue({ test: "bilirubin", value: 31, unit: "umol/L", uln: 20.5 }).grade).toBe(2);
  });
});

describe("Alkaline phosphatase increased (ULN 120 U/L)", () => {
  it.each([
    [300, 1],
    [301, 2],
    [600, 2],
    [601, 3],
    [2400, 3],
    [2401, 4],
  ])("baseline normal: %s -> grade %s", (value, grade) => {
    expect(gradeLabValue({ test: "alp", value, unit: "U/L", uln: 120, baseline: 100 }).grade).toBe(grade);
  });

  it.each([
    [399, 0],
    [400, 1],
    [500, 1],
    [501, 2],
  ])("baseline abnormal (200): %s -> grade %s", (value, grade) => {
    expect(gradeLabValue({ test: "alp", value, unit: "U/L", uln: 120, baseline: 200 }).grade).toBe(grade);
  });
});

describe("Creatinine increased", () => {
  it.each([
    [1.0, 0],
    [1.01, 1],
    [1.5, 1],
    [1.51, 2],
    [3.0, 2],
    [3.01, 3],
    [6.0, 3],
    [6.01, 4],
  ])("ULN 1.0 mg/dL, no baseline: %s -> grade %s", (value, grade) => {
    expect(gradeLabValue({ test: "creatinine", value, unit: "mg/dL", uln: 1.0 }).grade).toBe(grade);
  });

  it("takes the worse of the ULN and baseline criteria", () => {
    const base = { test: "creatinine", unit: "mg/dL", uln: 1.0, baseline: 0.5 } as const;
    expect(gradeLabValue({ ...base, value: 0.75 })).toMatchObject({ grade: 0 }); // exactly 1.5 x baseline
    expect(gradeLabValue({ ...base, value: 0.8 })).toMatchObject({ grade: 2, basis: ">1.5 - 3.0 x baseline" });
    expect(gradeLabValue({ ...base, value: 1.2 })).toMatchObject({ grade: 2, basis: ">1.5 - 3.0 x baseline" });
    expect(gradeLabValue({ ...base, value: 1.6 })).toMatchObject({ grade: 3, basis: ">3.0 x baseline" });
    expect(gradeLabValue({ ...base, value: 6.5 })).toMatchObject({ grade: 4, basis: ">6.0 x ULN" });
    expect(gradeLabValue({ ...base, value: 1.4 })).toMatchObject({ grade: 2, basis: ">1.5 - 3.0 x baseline" });
    // Equal grades: the ULN criterion is reported.
    expect(gradeLabValue({ test: "creatinine", unit: "mg/dL", uln: 1.0, baseline: 1.0, value: 2.0 })).toMatchObject({
      grade: 2,
      basis: ">1.5 - 3.0 x ULN",
    });
  });

  it("is not misgraded by floating point at 3.0 and 6.0 x ULN", () => {
    expect(gradeLabValue({ test: "creatinine", value: 3.6, unit: "mg/dL", uln: 1.2 }).grade).toBe(2);
    expect(gradeLabValue({ test: "creatinine", value: 7.2, unit: "mg/dL", uln: 1.2 }).grade).toBe(3);
  });

  it("converts umol/L (88.4) for the report", () => {
    const result = gradeLabValue({ test: "creatinine", value: 212, unit: "umol/L", uln: 106, baseline: 70 });
    expect(result).toMatchObject({ grade: 3, basis: ">3.0 x baseline", normalizedUnit: "mg/dL" });
    expect(result.normalizedValue).toBeCloseTo(2.398, 3);
  });
});

describe("input errors", () => {
  it.each([
    [{ test: "ast", value: 50, unit: "U/L" }, "uln"],
    [{ test: "ast", value: 50, unit: "U/L", uln: 0 }, "uln"],
    [{ test: "alt", value: 50, unit: "U/L", uln: 40, baseline: 0 }, "baseline"],
    [{ test: "creatinine", value: 1, unit: "mg/dL", uln: 1.2, lln: -1 }, "lln"],
    [{ test: "bilirubin", value: 1, unit: "g/L", uln: 1.2 }, "unit"],
    [{ test: "alp", value: -5, unit: "U/L", uln: 120 }, "value"],
  ] as const)("%o -> field %s", (input, field) => {
    expect(() => gradeLabValue(input)).toThrow(CalcInputError);
    expect(() => gradeLabValue(input)).toThrow(expect.objectContaining({ field }));
  });
});
