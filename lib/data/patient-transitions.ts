import "server-only";
import { auditPatientEvent, diffFields, type AuditActor, type AuditAction } from "@/lib/audit/audit-log";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refreshEfficacyFacts } from "./efficacy-facts";

/**
 * The writes of a status change out of screening, once its checks have passed, shared by the
 * site's own forms (lib/data/enrollment.ts) and the import (lib/data/import-patient.ts): the
 * caller holds the patient's row lock and names the audit action and reason.
 */
interface Transition {
  patientId: string;
  siteId: string;
  fromStatus: string;
  action: AuditAction;
  reason: string;
}

/** Puts a screened patient on treatment from `enrollmentDate` (day 1). */
export async function writeEnrollment(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  transition: Transition & { enrollmentDate: string },
): Promise<void> {
  const { patientId, siteId, fromStatus, action, reason, enrollmentDate } = transition;
  await tx.patient.update({
    where: { id: patientId },
    data: {
      status: "ON_TREATMENT",
      enrollmentDate: new Date(`${enrollmentDate}T00:00:00Z`),
      version: { increment: 1 },
    },
  });
  await auditPatientEvent(tx, actor, {
    action,
    patientId,
    siteId,
    changes: diffFields({ status: fromStatus, enrollmentDate: null }, { status: "ON_TREATMENT", enrollmentDate }, [
      "status",
      "enrollmentDate",
    ]),
    reason,
  });
  // Forms saved before enrollment (baseline, cytokines) count from day 1.
  await refreshEfficacyFacts(tx, { id: patientId, enrollmentDate });
}

/** Records a screen failure with its reason; the patient keeps their subject ID (never reused). */
export async function writeScreenFailure(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  transition: Transition & { screenFailureReason: string },
): Promise<void> {
  const { patientId, siteId, fromStatus, action, reason, screenFailureReason } = transition;
  await tx.patient.update({
    where: { id: patientId },
    data: { status: "SCREEN_FAILED", screenFailureReason, version: { increment: 1 } },
  });
  await auditPatientEvent(tx, actor, {
    action,
    patientId,
    siteId,
    changes: [
      { field: "status", from: fromStatus, to: "SCREEN_FAILED" },
      { field: "screenFailureReason", from: null, to: screenFailureReason },
    ],
    reason,
  });
}
