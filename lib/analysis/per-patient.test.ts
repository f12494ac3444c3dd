import { expect, test } from "vitest";
import { readPatientOutcome } from "./efficacy-facts";
import {
  cytokineOf,
  efficacyPartsOf,
  listCohortCytokineNames,
  mapCytokineAndOutcome,
  outcomeInputOf,
} from "./per-patient";
import {
  listAssessments,
  listCytokineNames,
  readCytokine,
  readFollowUp,
  type AnalysisPatientRecords,
} from "./patient-records";
import { buildSwimmerLanes, buildWaterfall } from "./waterfall-swimmer";
import { analysisPatient, cytokinesRecord } from "@/test/fixtures/analysis-patient";

const patient = (pct: number): AnalysisPatientRecords =>
  analysisPatient([
    {
      formType: "tumour-assessment",
      visitKey: "week8",
      data: { assessmentDate: "2026-03-07" },
      computed: { response: "SD", pctFromBaseline: pct },
    },
    cytokinesRecord([{ analyte: "VEGF", value: 0.42, unit: "ng/mL", lloq: 0.005, belowLloq: false }]),
  ]);

test("a patient object is derived once: the same object gives the same derivation, equal to deriving it afresh", () => {
  const p = patient(-12);
  const input = outcomeInputOf(p);
  expect(outcomeInputOf(p)).toBe(input);
  expect(input).toEqual({
    subjectId: "TW01-001",
    siteCode: "TW01",
    enrollmentDate: "2026-01-10",
    assessments: listAssessments(p),
    followUp: readFollowUp(p),
    outcome: readPatientOutcome(p),
  });
  const parts = efficacyPartsOf(p);
  expect(parts.input).toBe(input);
  expect(efficacyPartsOf(p).lane).toBe(parts.lane);
  expect(parts.lane).toEqual(buildSwimmerLanes([input])[0]);
  expect(parts.bar).toEqual(buildWaterfall([input]).bars[0]);
  expect(cytokineOf(p, "vegf")).toEqual(readCytokine(p, "VEGF"));
  expect(cytokineOf(p, "IL-6")).toBeNull();
});

test("a changed patient is a new object and is derived again, never served the old derivation", () => {
  const before = patient(-12);
  const after = patient(-40);
  expect(efficacyPartsOf(before).bar!.bestPctChange).toBe(-12);
  expect(efficacyPartsOf(after).bar!.bestPctChange).toBe(-40);
  expect(outcomeInputOf(after)).not.toBe(outcomeInputOf(before));
});

test("the cohort's analyte names, read once per patient, are listCytokineNames': first seen, one per name whatever its case", () => {
  const withAnalytes = (id: string, names: string[]): AnalysisPatientRecords => {
    const p = patient(-10);
    const cytokines = p.records[1]!;
    return {
      ...p,
      patientId: id,
      records: [
        p.records[0]!,
        {
          ...cytokines,
          data: {
            ...(cytokines.data as object),
            analytes: names.map((analyte) => ({ analyte, value: 1, unit: "pg/mL" })),
          },
        },
      ],
    };
  };
  const cohort = [
    withAnalytes("a", ["VEGF", "IL-6"]),
    withAnalytes("b", ["VEGF", "IL-6"]),
    withAnalytes("c", ["il-6", "TNF-alpha"]),
    withAnalytes("d", ["VEGF", "IL-6"]),
    patient(-5),
  ];
  expect(listCohortCytokineNames(cohort)).toEqual(["VEGF", "IL-6", "TNF-alpha"]);
  expect(listCohortCytokineNames(cohort)).toEqual(listCytokineNames(cohort));
  // A new cohort array with one patient changed: that patient's analytes are read again.
  const changed = [cohort[0]!, withAnalytes("b", ["VEGF", "IL-10"]), ...cohort.slice(2)];
  expect(listCohortCytokineNames(changed)).toEqual(["VEGF", "IL-6", "IL-10", "TNF-alpha"]);
  expect(listCohortCytokineNames(changed)).toEqual(listCytokineNames(changed));
  // One patient more at the front: every patient has moved, and is looked up, not taken by place.
  const shifted = [withAnalytes("0", ["IL-2"]), ...changed];
  expect(listCohortCytokineNames(shifted)).toEqual(["IL-2", "VEGF", "IL-6", "IL-10", "TNF-alpha"]);
});

test("one analyte's level and the outcome input of every patient of a cohort are cytokineOf's and outcomeInputOf's", () => {
  const cohort = [patient(-12), patient(-30)];
  const fresh = [patient(-12), patient(-30)];
  for (const analyte of ["VEGF", "vegf", "IL-6"]) {
    const mapped = mapCytokineAndOutcome(cohort, analyte, (level, input) => ({ level, input }));
    expect(mapped.map((m) => m.level)).toEqual(fresh.map((p) => readCytokine(p, analyte)));
    expect(mapped.map((m) => m.input)).toEqual(fresh.map((p) => outcomeInputOf(p)));
    expect(mapped.map((m) => m.input)).toEqual(cohort.map((p) => outcomeInputOf(p)));
  }
});
