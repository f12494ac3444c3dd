import { describe, expect, it } from "vitest";
import type { AnalysisPatientRecords } from "./patient-records";
import { listResponsesInEnrollmentOrder, toEvaluableResponses } from "./response-sequence";

/** A patient with tumour assessments whose computed responses are given. */
function patient(subjectId: string, enrollmentDate: string, responses: [string, string][]): AnalysisPatientRecords {
  return {
    patientId: subjectId,
    subjectId,
    siteCode: "TW01",
    status: "ON_TREATMENT",
    enrollmentDate,
    records: responses.map(([date, response]) => ({
      formType: "tumour-assessment",
      visitKey: null,
      data: { assessmentDate: date },
      computed: { response, pctFromBaseline: null },
    })),
  };
}

describe("response sequence for the Simon monitor", () => {
  const cohort = [
    patient("TW01-003", "2026-02-01", [
      ["2026-03-29", "PR"],
      ["2026-05-24", "PR"],
    ]),
    patient("TW01-001", "2026-01-05", [["2026-03-02", "SD"]]),
    patient("TW01-002", "2026-01-05", []),
    patient("TW01-004", "2026-03-01", [["2026-04-26", "PR"]]),
  ];

  it("orders patients by enrollment, then subject, with the efficacy dashboard's best response", () => {
    expect(listResponsesInEnrollmentOrder(cohort).map((r) => `${r.subjectId}:${r.bestOverallResponse}`)).toEqual([
      "TW01-001:SD",
      "TW01-002:NE",
      "TW01-003:PR",
      // An unconfirmed PR is not a response under RECIST 1.0 with confirmation: stable disease (56 days on study).
      "TW01-004:SD",
    ]);
  });

  it("breaks a tie of enrollment dates by subject whether or not the cohort comes in subject order", () => {
    const subjects = (patients: AnalysisPatientRecords[]) =>
      listResponsesInEnrollmentOrder(patients).map((r) => r.subjectId);
    const bySubject = [...cohort].sort((a, b) => a.subjectId.localeCompare(b.subjectId));
    expect(subjects(bySubject)).toEqual(["TW01-001", "TW01-002", "TW01-003", "TW01-004"]);
    expect(subjects([...bySubject].reverse())).toEqual(["TW01-001", "TW01-002", "TW01-003", "TW01-004"]);
  });

  it("keeps evaluable patients (not NE) and marks confirmed CR or PR as responders", () => {
    const sequence = toEvaluableResponses(listResponsesInEnrollmentOrder(cohort));
    expect(sequence).toEqual([false, true, false]);
  });
});
