import { describe, expect, test } from "vitest";
import { getFormDefinition } from "@/lib/forms/registry";
import { buildFormLayout } from "../form-layout";
import { dictionaryRows, formRow, groupRows, planCsvFiles, type ExportPatient } from "./csv-plan";
import { exportRecord } from "@/test/fixtures/export-record";

const patient: ExportPatient = {
  id: "p1",
  subjectId: "TW01-001",
  siteCode: "TW01",
  siteName: "NTUH",
  status: "ON_TREATMENT",
  screeningDate: "2026-01-05",
  enrollmentDate: "2026-01-12",
  screenFailureReason: null,
  lockedAt: null,
};
const record = exportRecord({
  formType: "cytokines",
  visitKey: "baseline",
  version: 2,
  updatedAt: "2026-01-10T10:00:00.000Z",
  data: {
    sampleDate: "2026-01-10",
    analytes: [
      { analyte: "=IL-6", value: 12.5, unit: "pg/mL", lloq: 0.7, belowLloq: false },
      { analyte: "IL-8", value: null, unit: "pg/mL", lloq: 1.5, belowLloq: true },
      { analyte: "VEGF", value: 0.42, unit: "ng/mL", lloq: 0.01, belowLloq: false },
    ],
  },
  computed: { analyteCount: 2, summary: "2 analytes, 1 below LLOQ" },
});

describe("the CSV plan", () => {
  const files = planCsvFiles(
    [buildFormLayout(getFormDefinition("cytokines")!)],
    new Map([
      [
        "cytokines",
        [
          { path: "analyteCount", jsonType: "number" },
          { path: "summary", jsonType: "string" },
        ],
      ],
    ]),
  );

  test("patients, the form file and one long file per repeating group", () => {
    expect(files.map((f) => f.name)).toEqual(["patients.csv", "cytokines.csv", "cytokines.analytes.csv"]);
    expect(files[1]!.columns.map((c) => c.name)).toEqual([
      "subject_id",
      "site_code",
      "record_id",
      "visit_key",
      "form_status",
      "version",
      "signed_at",
      "sdv_at",
      "updated_at",
      "sampleDate",
      "computed.analyteCount",
      "computed.summary",
    ]);
  });

  test("rows carry the record's items and computed values; group rows are numbered and guarded", () => {
    const form = files[1]!;
    const group = files[2]!;
    if (form.kind !== "form" || group.kind !== "group") throw new Error("unexpected plan");
    expect(formRow(form, patient, record)).toEqual([
      "TW01-001",
      "TW01",
      "r1",
      "baseline",
      "COMPLETE",
      "2",
      "",
      "",
      "2026-01-10T10:00:00.000Z",
      "2026-01-10",
      "2",
      "2 analytes, 1 below LLOQ",
    ]);
    expect(groupRows(group, patient, record)).toEqual([
      ["TW01-001", "TW01", "r1", "baseline", "1", "'=IL-6", "12.5", "pg/mL", "0.7", "false", "12.5", "0.7"],
      ["TW01-001", "TW01", "r1", "baseline", "2", "IL-8", "", "pg/mL", "1.5", "true", "", "1.5"],
      // The example: 0.42 ng/mL is analysed as 420 pg/mL, and the file says so beside what was typed.
      ["TW01-001", "TW01", "r1", "baseline", "3", "VEGF", "0.42", "ng/mL", "0.01", "false", "420", "10"],
    ]);
  });

  test("the dictionary lists every column with type, unit, allowed values and whether it is derived", () => {
    const rows = dictionaryRows(files);
    expect(rows).toHaveLength(files.reduce((n, f) => n + f.columns.length, 0));
    expect(rows).toContainEqual([
      "cytokines.analytes.csv",
      "unit",
      "Concentration unit as typed (pg/mL, ng/mL, ng/L; analyses convert to pg/mL)",
      "text",
      "",
      "pg/mL; ng/mL; ng/L",
      "no",
    ]);
    expect(rows).toContainEqual([
      "cytokines.analytes.csv",
      "value_pg_per_ml",
      "Concentration in the analyses' unit (pg/mL); empty when below LLOQ or pending",
      "float",
      "pg/mL",
      "",
      "yes",
    ]);
    expect(rows).toContainEqual([
      "cytokines.csv",
      "computed.analyteCount",
      "Computed by the rules engine: analyteCount",
      "float",
      "",
      "",
      "yes",
    ]);
  });
});
