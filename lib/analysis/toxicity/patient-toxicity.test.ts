import { describe, expect, test } from "vitest";
import { summarizePatientToxicity, type PatientToxicity } from "./patient-toxicity";

const patient = (overrides: Partial<PatientToxicity>): PatientToxicity => ({
  patientId: "p",
  siteId: "s",
  enrolled: true,
  adverseEvents: 0,
  seriousAdverseEvents: 0,
  openSaeAwareTimes: [],
  labResultsGrade3Plus: 0,
  worst: [],
  ...overrides,
});

describe("summarizePatientToxicity", () => {
  test("totals over every patient; the worst-grade counts over the enrolled only, per term and overall", () => {
    const { totals, worst } = summarizePatientToxicity([
      patient({
        adverseEvents: 3,
        seriousAdverseEvents: 1,
        openSaeAwareTimes: ["2026-01-21T08:00"],
        labResultsGrade3Plus: 2,
        worst: [
          { term: "Diarrhea", soc: "Gastrointestinal disorders", grade: 3 },
          { term: "Fatigue", soc: "General disorders", grade: 1 },
        ],
      }),
      patient({ adverseEvents: 1, worst: [{ term: "Diarrhea", soc: "Gastrointestinal disorders", grade: 3 }] }),
      // Grades not given count toward no grade, and a patient with none has no worst grade.
      patient({ adverseEvents: 1, worst: [{ term: "Rash", soc: "Skin", grade: null }] }),
      patient({ enrolled: false, adverseEvents: 2, worst: [{ term: "Fatigue", soc: "General disorders", grade: 2 }] }),
      patient({}),
    ]);
    expect(totals).toEqual({
      adverseEvents: 7,
      patientsWithEvents: 4,
      seriousAdverseEvents: 1,
      openSaeAwareTimes: ["2026-01-21T08:00"],
      labResultsGrade3Plus: 2,
      enrolledPatients: 4,
    });
    const sorted = [...worst].sort((a, b) => `${a.term}${a.grade}`.localeCompare(`${b.term}${b.grade}`));
    expect(sorted).toEqual([
      { term: "Diarrhea", soc: "Gastrointestinal disorders", grade: 3, patients: 2 },
      { term: "Fatigue", soc: "General disorders", grade: 1, patients: 1 },
      { term: null, soc: null, grade: 3, patients: 2 },
    ]);
  });
});
