import { expect, test } from "vitest";
import { analysisPatient, cytokinesRecord } from "@/test/fixtures/analysis-patient";
import { readCytokine } from "./patient-records";

const patient = (analytes: unknown[]) => analysisPatient([cytokinesRecord(analytes)]);

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
