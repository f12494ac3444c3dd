import { describe, expect, it } from "vitest";
import { buildErrorReportCsv } from "./error-report";

describe("buildErrorReportCsv", () => {
  it("one row per error, quoted where needed, formulas guarded", () => {
    const csv = buildErrorReportCsv([
      { subjectId: "TW01-001", formType: "labs", field: "results.ast.unit", message: "Choose the unit (U/L, ukat/L)" },
      { subjectId: "=HYPERLINK()", formType: null, field: null, message: 'He said "no", twice' },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "subject_id,form_type,field,message",
      'TW01-001,labs,results.ast.unit,"Choose the unit (U/L, ukat/L)"',
      `'=HYPERLINK(),,,"He said ""no"", twice"`,
      "",
    ]);
  });
});
