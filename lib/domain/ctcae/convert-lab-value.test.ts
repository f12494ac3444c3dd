import { describe, expect, it } from "vitest";
import { convertLabValue } from "./convert-lab-value";

describe("convertLabValue", () => {
  it("converts between the units a test accepts", () => {
    expect(convertLabValue("bilirubin", 34.2, "umol/L", "mg/dL")).toBeCloseTo(2, 10);
    expect(convertLabValue("creatinine", 1, "mg/dL", "umol/L")).toBeCloseTo(88.4, 10);
    expect(convertLabValue("platelets", 150_000, "/mm3", "x10^9/L")).toBeCloseTo(150, 10);
    expect(convertLabValue("hemoglobin", 12, "g/dL", "g/L")).toBeCloseTo(120, 10);
  });

  it("returns the value unchanged between spellings of one unit", () => {
    expect(convertLabValue("platelets", 150, "x10^3/uL", "x10^9/L")).toBe(150);
    expect(convertLabValue("ast", 40, "IU/L", "U/L")).toBe(40);
  });

  it("refuses a unit the test does not accept", () => {
    expect(() => convertLabValue("ast", 40, "mg/dL", "U/L")).toThrow(/not accepted/);
  });
});
