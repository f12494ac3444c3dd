import "server-only";
import type { SiteScope } from "@/lib/auth/actor";
import type { AnalysisPatientRecords } from "@/lib/analysis/patient-records";
import { readCohortChanges, readCohortOrder, type CohortChanges } from "./analysis-cohort";

/**
 * Every enrolled patient's analysis inputs (lib/data/analysis-cohort.ts), kept in the process
 * and brought up to date by reading only the patients written since the last read (issue 14
 * item 5): after one save the next dashboard reads one row, not the whole trial, and the
 * analyses derive only that patient again (lib/analysis/per-patient.ts keeps the rest).
 *
 * A read asks for the rows whose change_xid (the transaction that last wrote them, migration
 * 20261210000000_cohort_change_xids) is at or after the previous read's snapshot xmin: a
 * transaction below that xmin had ended before the previous read, which therefore saw it. The
 * members' count is read too: should it differ from what is kept (a row removed some other
 * way than an update), or a site's code change, or the database restart (a restore brings its
 * transaction ids back), the whole cohort is read again.
 *
 * lib/data/analysis-cohort-store.integration.test.ts compares the kept cohort with a full read
 * after saves, withdrawals, enrollments and a transaction that commits after a later one.
 */
interface Kept {
  xmin: string;
  origin: string;
  patients: Map<string, { siteId: string; patient: AnalysisPatientRecords }>;
  /** The members by subject ID; shared with requests, so replaced, never changed. */
  ordered: readonly AnalysisPatientRecords[];
}

export class AnalysisCohortStore {
  private kept: Kept | null = null;
  private refreshing: Promise<Kept> | null = null;
  /** How the last refresh went: the whole cohort read, or only the changed patients (benchmarks and tests). */
  lastRefresh: { kind: "full" | "changes"; patientsRead: number } | null = null;

  /** The cohort as of now: every member in the scope, by subject ID. */
  async read(scope: Exclude<SiteScope, { kind: "none" }>): Promise<readonly AnalysisPatientRecords[]> {
    const kept = await this.refresh();
    if (scope.kind === "all") return kept.ordered;
    const siteIds = new Set(scope.siteIds);
    return kept.ordered.filter((p) => siteIds.has(kept.patients.get(p.patientId)!.siteId));
  }

  /** Forgets everything kept (benchmarks: the next read is a full one). */
  clear(): void {
    this.kept = null;
  }

  // One refresh at a time: concurrent requests share it, and each applies on the one before.
  private refresh(): Promise<Kept> {
    const previous = this.refreshing ?? Promise.resolve(null);
    const next = previous
      .catch(() => null)
      .then(() => this.update())
      .finally(() => {
        if (this.refreshing === next) this.refreshing = null;
      });
    this.refreshing = next;
    return next;
  }

  private async update(): Promise<Kept> {
    const kept = this.kept;
    if (!kept) return (this.kept = this.fromFullRead(await readCohortChanges(null)));
    const changes = await readCohortChanges(kept.xmin);
    if (changes.origin !== kept.origin) return (this.kept = this.fromFullRead(await readCohortChanges(null)));
    this.lastRefresh = { kind: "changes", patientsRead: changes.patients.length };
    if (changes.patients.length === 0) return (this.kept = { ...kept, xmin: changes.xmin });
    const patients = new Map(kept.patients);
    let reorder = false;
    for (const { patientId, siteId, patient } of changes.patients) {
      const before = patients.get(patientId);
      if (patient) patients.set(patientId, { siteId, patient });
      else patients.delete(patientId);
      if (!before || !patient || before.patient.subjectId !== patient.subjectId) reorder = true;
    }
    if (patients.size !== changes.members) return (this.kept = this.fromFullRead(await readCohortChanges(null)));
    const order = reorder ? await readCohortOrder() : kept.ordered.map((p) => p.patientId);
    const ordered = order.flatMap((id) => patients.get(id)?.patient ?? []);
    // An enrollment committed between the two reads: start again from a full read.
    if (ordered.length !== patients.size) return (this.kept = this.fromFullRead(await readCohortChanges(null)));
    return (this.kept = { xmin: changes.xmin, origin: kept.origin, patients, ordered });
  }

  private fromFullRead(read: CohortChanges): Kept {
    this.lastRefresh = { kind: "full", patientsRead: read.patients.length };
    const patients = new Map<string, { siteId: string; patient: AnalysisPatientRecords }>();
    for (const { patientId, siteId, patient } of read.patients)
      if (patient) patients.set(patientId, { siteId, patient });
    return {
      xmin: read.xmin,
      origin: read.origin,
      patients,
      ordered: read.patients.flatMap((p) => p.patient ?? []),
    };
  }
}

// On globalThis, as the Prisma client: Next bundles pages and route handlers separately.
const globalForCohort = globalThis as unknown as { trialdeskAnalysisCohort?: AnalysisCohortStore };
export const analysisCohortStore = (globalForCohort.trialdeskAnalysisCohort ??= new AnalysisCohortStore());
