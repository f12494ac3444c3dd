import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import type { AuditChange } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { getPatientOrThrow } from "@/lib/data/patients";
import { ForbiddenError } from "@/lib/errors";

export interface AuditRecord {
  id: string;
  occurredAt: string;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: AuditChange[];
  reason: string | null;
}

/**
 * A patient's audit rows (one record's when entityId is given) in the order and number asked,
 * for a caller already authorized to read them (the history page, the casebook).
 */
export async function readPatientAudit(
  patientId: string,
  options: { entityId?: string; order: "asc" | "desc"; take?: number },
): Promise<AuditRecord[]> {
  const rows = await getPrisma().auditEvent.findMany({
    where: { patientId, ...(options.entityId ? { entityId: options.entityId } : {}) },
    orderBy: { id: options.order },
    ...(options.take ? { take: options.take } : {}),
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    occurredAt: row.occurredAt.toISOString(),
    actorEmail: row.actorEmail,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: row.changes as unknown as AuditChange[],
    reason: row.reason,
  }));
}

/**
 * A patient's audit history, newest first, or one record's (a form's) when entityId is
 * given; reachable only through a patient the actor may see.
 */
export async function listPatientAuditHistory(
  actor: Actor,
  patientId: string,
  entityId?: string,
): Promise<AuditRecord[]> {
  const patient = await getPatientOrThrow(actor, patientId);
  if (!hasPermission(actor, "audit.read", patient.site.id)) throw new ForbiddenError();
  return readPatientAudit(patient.id, { entityId, order: "desc", take: 500 });
}
