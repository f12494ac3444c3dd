import "server-only";
import { auditPatientEvent, type AuditActor } from "@/lib/audit/audit-log";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PatientStatus } from "@/lib/generated/prisma/enums";

/** Statuses a form may move a patient between: after enrollment only (screening belongs to enrollment). */
const ENROLLED_STATUSES: readonly PatientStatus[] = ["ON_TREATMENT", "OFF_TREATMENT", "OFF_STUDY", "DEAD"];

/**
 * Applies the patient status a saved form implies (e.g. a death date -> DEAD) inside the
 * form save's transaction, with its own audit record naming the form, so the status can
 * never disagree with the data that justified it. The caller holds the patient row lock.
 * A correction that removes the death date moves the patient back the same way.
 */
export async function applyPatientStatusFromForm(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  patient: { id: string; siteId: string; status: PatientStatus },
  next: PatientStatus | null,
  source: { formTitle: string; recordId: string; reason: string | null },
): Promise<void> {
  if (next === null || next === patient.status) return;
  if (!ENROLLED_STATUSES.includes(patient.status) || !ENROLLED_STATUSES.includes(next)) return;
  await tx.patient.update({ where: { id: patient.id }, data: { status: next, version: { increment: 1 } } });
  await auditPatientEvent(tx, actor, {
    action: "UPDATE",
    patientId: patient.id,
    siteId: patient.siteId,
    changes: [{ field: "status", from: patient.status, to: next }],
    reason: `${source.formTitle} saved (record ${source.recordId})${source.reason ? `: ${source.reason}` : ""}`,
  });
}
