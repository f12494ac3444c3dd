import type { Prisma } from "@/lib/generated/prisma/client";

/** One field's change; values as stored (dates as ISO strings). */
export interface AuditChange {
  field: string;
  from: unknown;
  to: unknown;
}

export type AuditAction =
  | "CREATE"
  | "UPDATE"
  /** Computed values refreshed by the system after a change to a form they depend on. */
  | "RECOMPUTE"
  | "DELETE"
  | "SIGN"
  | "UNSIGN"
  | "LOCK"
  | "UNLOCK"
  | "VERIFY"
  | "EXPORT"
  /** Data written by an import (lib/data/imports.ts); the patient's IMPORT event names the file's SHA-256. */
  | "IMPORT"
  | "SIGN_IN"
  | "SIGN_IN_FAILED"
  /** A wrong (or throttled) password re-entered by a signed-in user: signature, password change, token minting. */
  | "PASSWORD_CHECK_FAILED"
  | "SIGN_OUT"
  | "SIGN_OUT_EVERYWHERE"
  | "PASSWORD_CHANGE"
  | "API_TOKEN_CREATE"
  | "API_TOKEN_REVOKE"
  | "QUERY_OPEN"
  | "QUERY_ANSWER"
  | "QUERY_CLOSE"
  | "QUERY_REOPEN"
  | "TOXICITY_REVIEW"
  | "TOXICITY_ESCALATE";

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string;
  siteId?: string | null;
  patientId?: string | null;
  changes?: AuditChange[];
  reason?: string | null;
}

/**
 * Who did it: a signed-in user, or (for failed sign-ins) only the email that was tried. An
 * Actor (lib/auth/actor.ts) is one: pass it whole, so a change made through an API token
 * records the token as well as its user.
 */
export interface AuditActor {
  userId: string | null;
  email: string;
  apiToken?: { id: string; name: string } | null;
}

/**
 * Writes one audit record. It takes the transaction client on purpose: the change and its
 * record must commit or roll back together (a call with the global client would escape
 * the transaction, the slip documenso's audit trail warns about).
 */
export async function writeAudit(tx: Prisma.TransactionClient, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: toAuditRow(actor, entry) });
}

/**
 * Writes the audit record of a change to a patient's own row (status, enrollment, lock): the
 * patient is both the entity and the patient the event is filed under.
 */
export async function auditPatientEvent(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  event: Pick<AuditEntry, "action" | "changes" | "reason"> & { patientId: string; siteId: string },
): Promise<void> {
  await writeAudit(tx, actor, { ...event, entityType: "patient", entityId: event.patientId });
}

/**
 * Writes the audit record of a change to one form record (saved, deleted, signed, verified,
 * reviewed, recomputed): the record is the entity, of type `form:<form type>`, filed under its
 * patient and site.
 */
export async function auditFormEvent(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  event: Pick<AuditEntry, "action" | "changes" | "reason"> & {
    formType: string;
    recordId: string;
    patientId: string;
    siteId: string;
  },
): Promise<void> {
  const { formType, recordId, ...entry } = event;
  await writeAudit(tx, actor, { ...entry, entityType: `form:${formType}`, entityId: recordId });
}

/** The audit_events row for an entry: the one mapping, also used where SQL writes the row with its change (lib/data/crf-record-insert.ts). */
export function toAuditRow(actor: AuditActor, entry: AuditEntry) {
  return {
    actorId: actor.userId,
    actorEmail: actor.email,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    siteId: entry.siteId ?? null,
    patientId: entry.patientId ?? null,
    changes: (entry.changes ?? []).map(toJsonChange) as Prisma.InputJsonValue,
    reason: entry.reason ?? null,
    apiTokenId: actor.apiToken?.id ?? null,
    apiTokenName: actor.apiToken?.name ?? null,
  };
}

function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value === undefined ? null : value;
}

function toJsonChange(change: AuditChange) {
  return { field: change.field, from: toJsonValue(change.from), to: toJsonValue(change.to) };
}

/** The fields whose values differ between two versions of a record (dates compared by instant). */
export function diffFields<T extends Record<string, unknown>>(
  before: T | null,
  after: T,
  fields: readonly (keyof T & string)[],
): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const from = before ? toJsonValue(before[field]) : null;
    const to = toJsonValue(after[field]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}
