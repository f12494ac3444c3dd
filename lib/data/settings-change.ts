import "server-only";
import type { z } from "zod";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { writeAudit, type AuditChange } from "@/lib/audit/audit-log";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toFieldErrors } from "@/lib/schemas/field-errors";

/**
 * What a change to a study's safety settings checks before its transaction (the dose-modification
 * table, the pregnancy prevention rules): the caller administers the study, the new rules parse
 * (field errors keyed under `rules.`), and a reason of at least 3 characters is given.
 */
export function parseSettingsChange<T>(
  actor: Actor,
  schema: z.ZodType<T>,
  input: { rules: unknown; reason: string },
): { rules: T; reason: string } {
  if (!hasPermission(actor, "study.admin")) throw new ForbiddenError();
  const parsed = schema.safeParse(input.rules);
  if (!parsed.success)
    throw new ValidationError(toFieldErrors(parsed.error.issues.map((i) => ({ ...i, path: ["rules", ...i.path] }))));
  const reason = input.reason.trim();
  if (reason.length < 3)
    throw new ValidationError({ reason: ["Give the reason for the change (at least 3 characters)"] });
  return { rules: parsed.data, reason };
}

/**
 * The one way a versioned settings row of the study changes (study settings, stopping rules,
 * dose-modification table, pregnancy prevention rules), inside the caller's transaction: the row
 * is locked and read, a version other than the one the editor read is refused with `staleMessage`
 * (two editors never overwrite each other), and unless nothing changed the new values and their
 * audit record (per-field from/to, with the reason) are written together. Returns the row as it
 * now stands: the one written, or the current one when nothing changed.
 */
export async function commitSettingsChange<Row extends { version: number }>(
  tx: Prisma.TransactionClient,
  actor: Actor,
  change: {
    /** SELECT ... FOR UPDATE of the row: a second editor's change waits for this one. */
    lock: () => Promise<unknown>;
    read: () => Promise<Row>;
    expectedVersion: number;
    staleMessage: string;
    diff: (current: Row) => AuditChange[];
    write: () => Promise<Row>;
    audit: { entityType: string; entityId: string; reason: string };
  },
): Promise<Row> {
  await change.lock();
  const current = await change.read();
  if (current.version !== change.expectedVersion) throw new ConflictError(change.staleMessage);
  const changes = change.diff(current);
  if (changes.length === 0) return current;
  const updated = await change.write();
  await writeAudit(tx, actor, { action: "UPDATE", ...change.audit, changes });
  return updated;
}
