import { attributionValues, type AttributedDrug } from "@/lib/domain/toxicity/toxicity-filters";
import { isTreatmentEmergent } from "./worst-grade-table";

export interface DltCandidate {
  patientId: string;
  grade: number | null;
  onsetDate: string;
  enrollmentDate: string | null;
  attribution: Record<AttributedDrug, string | null>;
}

const RELATED = attributionValues("related");

/**
 * A dose-limiting toxicity for the monitoring rule: CTCAE grade 3 or more, treatment-emergent
 * (onset on or after day 1), attributed possibly, probably or definitely to either study drug.
 * The trial's rule counts "grade 3+ treatment-related toxicity" (docs/protocol.md, "Stopping rules"); "related" is
 * the oncology grouping of the WHO-UMC causality terms used by the toxicity filters.
 * The monitor counts it in SQL (lib/data/toxicity-aggregates.ts countPatientsWithDltInDatabase): change
 * both together; lib/data/toxicity-typed.integration.test.ts holds them equal.
 */
export function isDoseLimitingToxicity(event: DltCandidate): boolean {
  return (
    event.grade !== null &&
    event.grade >= 3 &&
    isTreatmentEmergent(event.onsetDate, event.enrollmentDate) &&
    (["thalidomide", "uft"] as const).some((drug) => RELATED.includes(event.attribution[drug] ?? ""))
  );
}

/** Patients with at least one DLT, among the enrolled (each patient counts once). */
export function countPatientsWithDlt(
  events: readonly DltCandidate[],
  enrolledPatientIds: readonly string[],
): { patients: number; withDlt: number } {
  const enrolled = new Set(enrolledPatientIds);
  const withDlt = new Set(
    events.filter((e) => enrolled.has(e.patientId) && isDoseLimitingToxicity(e)).map((e) => e.patientId),
  );
  return { patients: enrolled.size, withDlt: withDlt.size };
}
