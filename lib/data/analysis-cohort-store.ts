import "server-only";
import type { SiteScope } from "@/lib/auth/actor";
import { compareText, markInSubjectOrder } from "@/lib/analysis/compare-text";
import type { AnalysisPatientRecords } from "@/lib/analysis/patient-records";
import { readCohortChanges } from "./analysis-cohort";
import { compareIds, KeptRows } from "./kept-rows";

/**
 * Every enrolled patient's analysis inputs (lib/data/analysis-cohort.ts), kept in the process
 * and brought up to date by reading only the patients written since the last read
 * (lib/data/kept-rows.ts, issue 14 item 5): after one save the next dashboard reads one row, not
 * the whole trial, and the analyses derive only that patient again (lib/analysis/per-patient.ts
 * keeps the rest). The rows' change_xid comes from migration 20261210000000_cohort_change_xids.
 *
 * lib/data/analysis-cohort-store.integration.test.ts compares the kept cohort with a full read
 * after saves, withdrawals, enrollments and a transaction that commits after a later one.
 */
interface Member {
  siteId: string;
  patient: AnalysisPatientRecords;
}

export class AnalysisCohortStore {
  readonly rows = new KeptRows<Member>(
    async (since) => {
      const read = await readCohortChanges(since);
      return {
        ...read,
        rows: read.patients.map(({ patientId, siteId, patient }) => ({
          id: patientId,
          value: patient ? { siteId, patient } : null,
        })),
      };
    },
    {
      idOf: (member) => member.patient.patientId,
      // compareText's order, which the analyses' sorts by subject then find already in place.
      compare: (a, b) =>
        compareText(a.patient.subjectId, b.patient.subjectId) || compareIds(a.patient.patientId, b.patient.patientId),
    },
  );

  /** The cohort as of now: every member in the scope, by subject ID; the same objects until a patient changes. */
  async read(scope: Exclude<SiteScope, { kind: "none" }>): Promise<readonly AnalysisPatientRecords[]> {
    const { ordered } = await this.rows.current();
    const patients = this.patientsOf(ordered);
    if (scope.kind === "all") return patients;
    const siteIds = new Set(scope.siteIds);
    return markInSubjectOrder(ordered.filter((member) => siteIds.has(member.siteId)).map((member) => member.patient));
  }

  // The patients of one kept order, made once: requests that share the order share the array.
  private lastOrdered: readonly Member[] | null = null;
  private lastPatients: readonly AnalysisPatientRecords[] = [];
  private patientsOf(ordered: readonly Member[]): readonly AnalysisPatientRecords[] {
    if (ordered !== this.lastOrdered) {
      this.lastOrdered = ordered;
      this.lastPatients = markInSubjectOrder(ordered.map((member) => member.patient));
    }
    return this.lastPatients;
  }
}

// On globalThis, as the Prisma client: Next bundles pages and route handlers separately.
const globalForCohort = globalThis as unknown as { trialdeskAnalysisCohort?: AnalysisCohortStore };
export const analysisCohortStore = (globalForCohort.trialdeskAnalysisCohort ??= new AnalysisCohortStore());
