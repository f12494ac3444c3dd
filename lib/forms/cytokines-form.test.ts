import { describe, expect, test } from "vitest";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { isCytokineUnit } from "@/lib/domain/biomarkers/cytokine-units";
import { CYTOKINE_UNITS, CytokinesSchema, cytokinesForm, summarizeCytokines } from "./cytokines-form";

const row = (analyte: string, value: number | null, lloq: number | null, belowLloq = false) => ({
  analyte,
  value,
  unit: "pg/mL",
  lloq,
  belowLloq,
});
const errorsOf = (data: unknown) => {
  const result = CytokinesSchema.safeParse(data);
  return result.success ? {} : toFieldErrors(result.error.issues);
};

describe("baseline cytokines", () => {
  test("below-LLOQ results are stored as such, never as zero, and counted", () => {
    const data = CytokinesSchema.parse({
      sampleDate: "2026-01-10",
      analytes: [row("IL-6", 12.4, 1.5), row("IL-8", null, 2, true), row("VEGF", 250, 9)],
    });
    expect(data.analytes[1]).toEqual({ analyte: "IL-8", value: null, unit: "pg/mL", lloq: 2, belowLloq: true });
    expect(cytokinesForm.isComplete(data)).toBe(true);
    expect(cytokinesForm.compute!(data, { screeningDate: "2026-01-05", enrollmentDate: null, records: [] })).toEqual({
      analyteCount: 3,
      belowLloqCount: 1,
      pendingCount: 0,
      summary: "3 analytes, 1 below LLOQ",
    });
  });

  test("a value under the LLOQ must be marked below it; a below-LLOQ row has no value but an LLOQ", () => {
    expect(
      errorsOf({
        sampleDate: "2026-01-10",
        analytes: [row("IL-6", 1.0, 1.5), row("IL-8", 0, 2, true), row("bFGF", null, null, true)],
      }),
    ).toEqual({
      "analytes.0.value": ["The value is below the LLOQ (1.5 pg/mL): tick below LLOQ instead"],
      "analytes.1.value": ["A result below the LLOQ has no value: clear it or untick below LLOQ"],
      "analytes.2.lloq": ["Enter the assay's lower limit of quantification"],
    });
  });

  test("names are unique, values not negative, the unit from the list, at least one analyte", () => {
    expect(
      errorsOf({
        sampleDate: "2026-01-10",
        analytes: [row("IL-6", 3, 1), row("il-6", -1, 1), { ...row("X", 1, 1), unit: "mg/dL" }],
      }),
    ).toEqual({
      "analytes.1.value": ["The value cannot be negative"],
      "analytes.2.unit": ["Choose the unit"],
    });
    expect(errorsOf({ sampleDate: "2026-01-10", analytes: [row("IL-6", 3, 1), row("il-6", 4, 1)] })).toEqual({
      "analytes.1.analyte": ["il-6 is listed twice"],
    });
    expect(errorsOf({ sampleDate: "2099-01-10", analytes: [] })).toEqual({
      sampleDate: ["The sample date cannot be in the future"],
      analytes: ["Add at least one analyte"],
    });
  });

  test("a row awaiting its result keeps the form in progress", () => {
    const data = CytokinesSchema.parse({
      sampleDate: "2026-01-10",
      analytes: [row("IL-6", null, 1.5), row("TNF-alpha", 8, null)],
    });
    expect(cytokinesForm.isComplete(data)).toBe(false);
    expect(summarizeCytokines(data.analytes).summary).toBe("2 analytes, 0 below LLOQ, 2 pending");
  });
});

test("every unit the form offers is converted to pg/mL for analysis", () => {
  for (const unit of CYTOKINE_UNITS) expect(isCytokineUnit(unit), unit).toBe(true);
});
