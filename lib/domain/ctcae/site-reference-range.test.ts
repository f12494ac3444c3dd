import { describe, expect, test } from "vitest";
import { limitsDifferingFromRange, rangeInForce, rangeLimitsIn, type SiteReferenceRange } from "./site-reference-range";

const range = (overrides: Partial<SiteReferenceRange>): SiteReferenceRange => ({
  test: "hemoglobin",
  unit: "g/dL",
  sex: null,
  lln: 12,
  uln: 16,
  validFrom: "2026-01-01",
  ...overrides,
});

describe("rangeInForce", () => {
  const ranges = [
    range({ validFrom: "2025-01-01", lln: 11.5 }),
    range({ validFrom: "2026-03-01", lln: 12 }),
    range({ validFrom: "2026-03-01", sex: "male", lln: 13.5, uln: 17.5 }),
    range({ test: "platelets", unit: "x10^9/L", lln: 150, uln: 400, validFrom: "2024-06-01" }),
  ];

  test("takes the latest range that started on or before the sample day", () => {
    expect(rangeInForce(ranges, "hemoglobin", "2026-02-28", "female")?.lln).toBe(11.5);
    expect(rangeInForce(ranges, "hemoglobin", "2026-03-01", "female")?.lln).toBe(12);
  });

  test("prefers the patient's sex-specific range, and never guesses an unknown sex", () => {
    expect(rangeInForce(ranges, "hemoglobin", "2026-04-01", "male")?.lln).toBe(13.5);
    expect(rangeInForce(ranges, "hemoglobin", "2026-04-01", null)?.lln).toBe(12);
    expect(rangeInForce([range({ sex: "male" })], "hemoglobin", "2026-04-01", null)).toBeNull();
  });

  test("no range before the first one, nor for another test", () => {
    expect(rangeInForce(ranges, "hemoglobin", "2024-12-31", "female")).toBeNull();
    expect(rangeInForce(ranges, "alt", "2026-04-01", "female")).toBeNull();
  });
});

describe("rangeLimitsIn and limitsDifferingFromRange", () => {
  const platelets = range({ test: "platelets", unit: "x10^9/L", lln: 150, uln: 400 });

  test("converts the range into the unit the value is recorded in (150 x10^9/L = 150,000 /mm3)", () => {
    expect(rangeLimitsIn(platelets, "/mm3")).toEqual({ lln: 150_000, uln: 400_000 });
    // Bilirubin 1.2 mg/dL = 20.52 umol/L (x 17.1), kept to 4 significant digits.
    expect(rangeLimitsIn(range({ test: "bilirubin", unit: "mg/dL", lln: null, uln: 1.2 }), "umol/L")).toEqual({
      lln: null,
      uln: 20.52,
    });
  });

  test("the site's own range, in either unit, differs in nothing; another value does", () => {
    expect(limitsDifferingFromRange({ unit: "x10^9/L", lln: 150, uln: 400 }, platelets)).toEqual([]);
    expect(limitsDifferingFromRange({ unit: "/mm3", lln: 150_000, uln: 400_000 }, platelets)).toEqual([]);
    expect(limitsDifferingFromRange({ unit: "x10^9/L", lln: 140, uln: 400 }, platelets)).toEqual(["lln"]);
    expect(limitsDifferingFromRange({ unit: "x10^9/L", lln: null, uln: 450 }, platelets)).toEqual(["lln", "uln"]);
  });

  test("a rounding of the unit conversion is not a difference; a limit the site does not define is free", () => {
    expect(
      limitsDifferingFromRange(
        { unit: "umol/L", lln: null, uln: 20.5 },
        range({ test: "bilirubin", unit: "mg/dL", lln: null, uln: 1.2 }),
      ),
    ).toEqual([]);
    expect(
      limitsDifferingFromRange(
        { unit: "mg/dL", lln: 0.2, uln: 1.2 },
        range({ test: "bilirubin", unit: "mg/dL", lln: null, uln: 1.2 }),
      ),
    ).toEqual([]);
  });
});
