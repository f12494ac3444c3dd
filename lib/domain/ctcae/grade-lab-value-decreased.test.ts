import { describe, expect, it } from "vitest";
import { CalcInputError } from "../calc-command";
import { gradeLabValue, type LabValueInput } from "./grade-lab-value";

function fieldOf(input: LabValueInput): string | undefined {
  try {
    gradeLabValue(input);
  } catch (error) {
    if (error instanceof CalcInputError) return error.field;
    throw error;
  }
  return "no error";
}

describe("Platelet count decreased (x10^9/L, LLN 150)", () => {
  it.each([
    [400, 0, ">=LLN (not decreased)"],
    [150, 0, ">=LLN (not decreased)"],
    [149.9, 1, "<LLN - 75.0 x10^9/L"],
    [75.0, 1, "<LLN - 75.0 x10^9/L"],
    [74.9, 2, "<75.0 - 50.0 x10^9/L"],
    [50.0, 2, "<75.0 - 50.0 x10^9/L"],
    [49.9, 3, "<50.0 - 25.0 x10^9/L"],
    [25.0, 3, "<50.0 - 25.0 x10^9/L"],
    [24.9, 4, "<25.0 x10^9/L"],
    [0, 4, "<25.0 x10^9/L"],
  ])("%s -> grade %s", (value, grade, basis) => {
    const result = gradeLabValue({ test: "platelets", value, unit: "x10^9/L", lln: 150 });
    expect(result).toEqual({
      grade,
      term: "Platelet count decreased",
      basis,
      normalizedValue: value,
      normalizedUnit: "x10^9/L",
    });
  });

  it("converts /mm3 (cells per microlitre) before grading", () => {
    const at = gradeLabValue({ test: "platelets", value: 50000, unit: "/mm3", lln: 150000 });
    expect(at).toMatchObject({ grade: 2, normalizedValue: 50 });
    expect(gradeLabValue({ test: "platelets", value: 49999, unit: "/mm3", lln: 150000 }).grade).toBe(3);
    expect(gradeLabValue({ test: "platelets", value: 140000, unit: "/mm3", lln: 150000 }).grade).toBe(1);
  });
});

describe("Neutrophil count decreased (LLN 2.0 x10^9/L)", () => {
  it.each([
    [2.0, 0],
    [1.99, 1],
    [1.5, 1],
    [1.49, 2],
    [1.0, 2],
    [0.99, 3],
    [0.5, 3],
    [0.49, 4],
  ])("%s -> grade %s", (value, grade) => {
    expect(gradeLabValue({ test: "neutrophils", value, unit: "10^9/L", lln: 2.0 }).grade).toBe(grade);
  });

  it("accepts x10^3/uL and cells/uL", () => {
    expect(gradeLabValue({ test: "neutrophils", value: 0.5, unit: "x10^3/uL", lln: 2.0 }).grade).toBe(3);
    expect(gradeLabValue({ test: "neutrophils", value: 1500, unit: "cells/uL", lln: 2000 }).grade).toBe(1);
    expect(gradeLabValue({ test: "neutrophils", value: 1499, unit: "/mm3", lln: 2000 }).grade).toBe(2);
  });

  it("applies the fixed cut-offs even when the laboratory LLN is below them", () => {
    // CTCAE prints "<1.5 - 1.0 x10^9/L" for grade 2 regardless of LLN.
    expect(gradeLabValue({ test: "neutrophils", value: 1.45, unit: "x10^9/L", lln: 1.4 }).grade).toBe(2);
    expect(gradeLabValue({ test: "neutrophils", value: 1.6, unit: "x10^9/L", lln: 1.4 }).grade).toBe(0);
  });
});

describe("White blood cell decreased (LLN 4.0 x10^9/L)", () => {
  it.each([
    [4.0, 0],
    [3.99, 1],
    [3.0, 1],
    [2.99, 2],
    [2.0, 2],
    [1.99, 3],
    [1.0, 3],
    [0.99, 4],
  ])("%s -> grade %s", (value, grade) => {
    const result = gradeLabValue({ test: "wbc", value, unit: "x10^9/L", lln: 4.0, uln: 10.0 });
    expect(result.grade).toBe(grade);
    expect(result.term).toBe("White blood cell decreased");
  });
});

describe("Anemia", () => {
  it.each([
    [12.0, 0],
    [11.9, 1],
    [10.0, 1],
    [9.9, 2],
    [8.0, 2],
    [7.9, 3],
    [3.0, 3],
  ])("g/dL %s -> grade %s (never 4 from a value)", (value, grade) => {
    const result = gradeLabValue({ test: "hemoglobin", value, unit: "g/dL", lln: 12.0 });
    expect(result.grade).toBe(grade);
    expect(result.term).toBe("Anemia");
  });

  it.each([
    [100, 1],
    [99, 2],
    [80, 2],
    [79, 3],
  ])("g/L %s -> grade %s", (value, grade) => {
    const result = gradeLabValue({ test: "hemoglobin", value, unit: "g/L", lln: 120 });
    expect(result.grade).toBe(grade);
    expect(result.normalizedValue).toBeCloseTo(value / 10, 10);
    expect(result.normalizedUnit).toBe("g/dL");
  });

  it("grades mmol/L with the mmol/L cut-offs CTCAE prints (6.2, 4.9)", () => {
    // 6.2 mmol/L is 9.99 g/dL, but CTCAE's own mmol/L row makes it grade 1, not 2.
    const atCutoff = gradeLabValue({ test: "hemoglobin", value: 6.2, unit: "mmol/L", lln: 7.4 });
    expect(atCutoff).toMatchObject({ grade: 1, basis: "<LLN - 6.2 mmol/L", normalizedUnit: "g/dL" });
    expect(atCutoff.normalizedValue).toBeCloseTo(9.99, 2);
    expect(gradeLabValue({ test: "hemoglobin", value: 6.1, unit: "mmol/L", lln: 7.4 }).basis).toBe("<6.2 - 4.9 mmol/L");
    expect(gradeLabValue({ test: "hemoglobin", value: 4.9, unit: "mmol/L", lln: 7.4 }).grade).toBe(2);
    expect(gradeLabValue({ test: "hemoglobin", value: 4.8, unit: "mmol/L", lln: 7.4 }).grade).toBe(3);
    expect(gradeLabValue({ test: "hemoglobin", value: 7.4, unit: "mmol/L", lln: 7.4 }).grade).toBe(0);
  });
});

describe("Hypoalbuminemia", () => {
  it.each([
    [3.5, 0],
    [3.4, 1],
    [3.0, 1],
    [2.9, 2],
    [2.0, 2],
    [1.9, 3],
  ])("g/dL %s -> grade %s", (value, grade) => {
    expect(gradeLabValue({ test: "albumin", value, unit: "g/dL", lln: 3.5 }).grade).toBe(grade);
  });

  it("converts g/L exactly at the cut-offs", () => {
    expect(gradeLabValue({ test: "albumin", value: 30, unit: "g/L", lln: 35 })).toMatchObject({
      grade: 1,
      normalizedValue: 3,
    });
    expect(gradeLabValue({ test: "albumin", value: 29, unit: "g/L", lln: 35 }).grade).toBe(2);
    expect(gradeLabValue({ test: "albumin", value: 20, unit: "g/L", lln: 35 }).grade).toBe(2);
    expect(gradeLabValue({ test: "albumin", value: 19, unit: "g/L", lln: 35 }).basis).toBe("<2 g/dL");
  });
});

describe("input errors name the field", () => {
  it("requires LLN for a decreased test", () => {
    expect(fieldOf({ test: "platelets", value: 100, unit: "x10^9/L" })).toBe("lln");
    expect(fieldOf({ test: "platelets", value: 100, unit: "x10^9/L", lln: 0 })).toBe("lln");
  });

  it("rejects ULN not above LLN", () => {
    expect(fieldOf({ test: "wbc", value: 5, unit: "x10^9/L", lln: 4, uln: 4 })).toBe("uln");
  });

  it("rejects impossible values, units and tests", () => {
    expect(fieldOf({ test: "platelets", value: -1, unit: "x10^9/L", lln: 150 })).toBe("value");
    expect(fieldOf({ test: "platelets", value: Number.NaN, unit: "x10^9/L", lln: 150 })).toBe("value");
    expect(fieldOf({ test: "platelets", value: 100, unit: "g/L", lln: 150 })).toBe("unit");
    expect(fieldOf({ test: "ldh" as LabValueInput["test"], value: 100, unit: "U/L", uln: 250 })).toBe("test");
  });
});
