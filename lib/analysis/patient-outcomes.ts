import { outcomeInputOf } from "./per-patient";
import type { AnalysisPatientRecords } from "./patient-records";

/** One patient's efficacy outcome exactly as the efficacy summary, curves and waterfall use it. */
export interface PatientOutcomeRow {
  id: string;
  subjectId: string;
  site: string;
  bestOverallResponse: string;
  confirmed: boolean;
  /**
   * PFS event source: the first PD assessment ("assessments"), a progression date entered on
   * the end-of-study form ("entered"), "death" without progression, or "censored".
   */
  pfs: { days: number; months: number; event: 0 | 1; source: "assessments" | "entered" | "death" | "censored" };
  os: { days: number; months: number; event: 0 | 1 };
}

/** The enrolled patients' outcomes by subject ID (the derivation the dashboards use, not a copy of it). */
export function listPatientOutcomes(patients: readonly AnalysisPatientRecords[]): PatientOutcomeRow[] {
  return patients
    .map((p) => {
      const outcome = outcomeInputOf(p).outcome;
      const source = outcome.pfs.event === 0 ? "censored" : (outcome.progressionSource ?? "death");
      return {
        id: p.patientId,
        subjectId: p.subjectId,
        site: p.siteCode,
        bestOverallResponse: outcome.bestOverallResponse,
        confirmed: outcome.confirmed,
        pfs: { days: outcome.pfs.timeDays, months: outcome.pfs.timeMonths, event: outcome.pfs.event, source },
        os: { days: outcome.os.timeDays, months: outcome.os.timeMonths, event: outcome.os.event },
      } satisfies PatientOutcomeRow;
    })
    .sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
}
