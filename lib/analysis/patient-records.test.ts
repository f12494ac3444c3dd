import { expect, test } from "vitest";
import { readCytokine, type AnalysisPatientRecords } from "./patient-records";

const patient = (analytes: unknown[]): AnalysisPatientRecords => ({
  patientId: "p1",
  subjectId: "TW01-001",
  siteCode: "TW01",
  status: "ON_TREATMENT",
  enrollmentDate: "2026-01-10",
  records: [
    { formType: "cytokines", visitKey: "baseline", data: { sampleDate: "2026-01-08", analytes }, computed: {} },
  ],
});

test("cytokines are read in pg/mL whatever unit was typed: VEGF 0.42 ng/mL is 420 pg/mL", () => {
  const p = patient([
    { analyte: "VEGF", value: 0.42, unit: "ng/mL", lloq: 0.005, belowLloq: false },
    { analyte: "IL-6", value: null, unit: "ng/L", lloq: 2.5, belowLloq: true },
    { analyte: "IL-8", value: 31, unit: "pg/mL", lloq: 1, belowLloq: false },
  ]);
  expect(readCytokine(p, "vegf")).toEqual({ value: 420, belowLloq: false, lloq: 5, unit: "pg/mL" });
  expect(readCytokine(p, "IL-6")).toEqual({ value: null, belowLloq: true, lloq: 2.5, unit: "pg/mL" });
  expect(readCytokine(p, "IL-8")).toEqual({ value: 31, belowLloq: false, lloq: 1, unit: "pg/mL" });
  expect(readCytokine(p, "bFGF")).toBeNull();
});
