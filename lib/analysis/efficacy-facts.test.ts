import { expect, test } from "vitest";
import { CI_METHODS } from "@/lib/schemas/analysis";
import { analyzeCohortBiomarker, analyzeEfficacy } from "./cohort-analysis";
import { deriveEfficacyFacts, toAnalysisPatient, type IdentifiedRecord } from "./efficacy-facts";
import { listPatientOutcomes } from "./patient-outcomes";
import { listCytokineNames, VISIT_DATE_FIELDS, type AnalysisPatientRecords } from "./patient-records";

const ta = (id: string, assessmentDate: string, response: string, pct: number | null): IdentifiedRecord => ({
  id,
  formType: "tumour-assessment",
  visitKey: `week-${id}`,
  data: { assessmentDate, lesions: [{ id: "T1", diameterMm: 40 }] },
  computed: { response, pctFromBaseline: pct, sumMm: 40 },
});
const eos = (id: string, data: Record<string, unknown>): IdentifiedRecord => ({
  id,
  formType: "end-of-study",
  visitKey: null,
  data: { offTreatmentReason: "progression", ...data },
  computed: { pfsDays: 1 },
});
const cytokines = (id: string, analytes: unknown[]): IdentifiedRecord => ({
  id,
  formType: "cytokines",
  visitKey: "baseline",
  data: { sampleDate: "2026-01-08", analytes },
  computed: {},
});
const labs = (sampleDate: string): IdentifiedRecord => ({
  id: `labs-${sampleDate}`,
  formType: "labs",
  visitKey: null,
  data: { sampleDate, results: {} },
  computed: {},
});

/** Patients with every kind of record the readers look at, and some they must ignore. */
const patients: (Omit<AnalysisPatientRecords, "records"> & { records: IdentifiedRecord[] })[] = [
  {
    patientId: "p1",
    subjectId: "TW01-001",
    siteCode: "TW01",
    status: "OFF_STUDY",
    enrollmentDate: "2026-01-10",
    records: [
      cytokines("c1", [
        { analyte: "IL-6", value: 0.012, unit: "ng/mL", lloq: 0.002, belowLloq: false },
        { analyte: "VEGF", value: null, unit: "pg/mL", lloq: 5, belowLloq: true },
        { analyte: "IL-8", value: null, unit: "pg/mL", lloq: null, belowLloq: false },
      ]),
      labs("2026-01-09"),
      ta("a1", "2026-03-07", "PR", -34.5),
      ta("a2", "2026-04-04", "PR", -40.25),
      ta("a3", "2026-06-01", "PD", 12),
      // Before enrollment and without a response: not an assessment the analyses count.
      ta("a0", "2026-01-02", "SD", 0),
      ta("ax", "2026-05-01", "not-a-response", null),
      eos("e1", { progressionDate: "2026-05-20", deathDate: "2026-08-30", offTreatmentDate: "2026-06-02" }),
      // A second end-of-study form and cytokines form: the first is the one read.
      eos("e2", { deathDate: "2026-09-30" }),
      cytokines("c2", [{ analyte: "TNF", value: 3, unit: "pg/mL", lloq: 1, belowLloq: false }]),
    ],
  },
  {
    patientId: "p2",
    subjectId: "TW01-002",
    siteCode: "TW01",
    status: "ON_TREATMENT",
    enrollmentDate: "2026-02-01",
    records: [
      cytokines("c3", [{ analyte: "il-6", value: 4.5, unit: "pg/mL", lloq: 1, belowLloq: false }]),
      ta("b1", "2026-04-01", "SD", 3.1),
    ],
  },
  // Enrolled, nothing recorded yet.
  {
    patientId: "p3",
    subjectId: "TW02-001",
    siteCode: "TW02",
    status: "ON_TREATMENT",
    enrollmentDate: "2026-03-01",
    records: [],
  },
];

/** The last visit date as the database keeps it beside the facts: the latest visit-date field of any form. */
const lastVisitDate = (p: (typeof patients)[number]) =>
  p.records
    .flatMap((r) => VISIT_DATE_FIELDS.map((f) => (r.data as Record<string, unknown>)[f]))
    .filter((d): d is string => typeof d === "string")
    .sort()
    .at(-1) ?? null;

/** A result or the error it threw (three patients are too few for some of the tests): the same either way. */
const outcomeOf = (run: () => unknown) => {
  try {
    return run();
  } catch (error) {
    return String(error);
  }
};

const fromFacts = patients.map((p) => toAnalysisPatient(p, deriveEfficacyFacts(p), lastVisitDate(p)));

test("the analyses read from the facts give exactly what they give from the whole forms", () => {
  for (const ci of CI_METHODS) expect(analyzeEfficacy(fromFacts, ci)).toEqual(analyzeEfficacy(patients, ci));
  expect(listPatientOutcomes(fromFacts)).toEqual(listPatientOutcomes(patients));
  expect(listCytokineNames(fromFacts)).toEqual(listCytokineNames(patients));
  for (const cytokine of ["IL-6", "VEGF", "IL-8", "TNF"])
    for (const endpoint of ["os", "pfs"] as const)
      expect(outcomeOf(() => analyzeCohortBiomarker(fromFacts, { cytokine, endpoint, cut: "median" }))).toEqual(
        outcomeOf(() => analyzeCohortBiomarker(patients, { cytokine, endpoint, cut: "median" })),
      );
});

test("the facts name the best response, the progression and their source records", () => {
  const facts = deriveEfficacyFacts(patients[0]!);
  expect(facts).toMatchObject({
    bestOverallResponse: "PR",
    borConfirmed: true,
    // The date entered on the end-of-study form is earlier than the first PD scan.
    progressionDate: "2026-05-20",
    progressionSource: "entered",
    progressionRecordId: "e1",
    endOfStudyRecordId: "e1",
    cytokinesRecordId: "c1",
  });
  expect(facts.assessments.map((a) => a.date)).toEqual(["2026-03-07", "2026-04-04", "2026-06-01"]);
  expect(facts.endOfStudy).toEqual({
    progressionDate: "2026-05-20",
    deathDate: "2026-08-30",
    lastKnownAliveDate: null,
    offTreatmentDate: "2026-06-02",
    offStudyDate: null,
  });
  const withoutEntered = deriveEfficacyFacts({
    ...patients[0]!,
    records: patients[0]!.records.filter((r) => r.id !== "e1"),
  });
  expect(withoutEntered).toMatchObject({
    progressionDate: "2026-06-01",
    progressionSource: "assessments",
    progressionRecordId: "a3",
  });
  expect(deriveEfficacyFacts(patients[2]!)).toMatchObject({
    assessments: [],
    bestOverallResponse: "NE",
    progressionDate: null,
    progressionRecordId: null,
    endOfStudyRecordId: null,
    cytokines: [],
  });
});
