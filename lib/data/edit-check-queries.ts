import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/audit-log";
import { checksAffectedBy, runCrossFormChecks, type CrossFormFinding } from "@/lib/forms/cross-form-checks";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LockedPatient } from "./patient-lock";

/** How a system query's messages are signed: the check, not a person, is asking. */
export const EDIT_CHECK_AUTHOR = "Edit check";

interface StoredForCheck {
  id: string;
  formType: string;
  visitKey: string | null;
  data: unknown;
  computed: Record<string, unknown> | null;
}

interface OpenSystemQuery {
  id: string;
  recordId: string;
  checkKey: string | null;
  fieldPath: string;
}

const findingKey = (f: { recordId: string; checkKey: string | null }) => `${f.recordId}|${f.checkKey}`;

/**
 * Runs, in the save's transaction and under the patient lock, the cross-form edit checks that
 * read the saved (or withdrawn) form type, then makes the open system queries match: a new
 * finding opens a query on the field, a query whose check now passes is closed with a note.
 * Both are audited in the same transaction as the save that caused them. Returns the
 * findings, for the caller to show.
 */
export async function reconcileEditChecks(
  tx: Prisma.TransactionClient,
  actor: Actor,
  patient: Pick<LockedPatient, "id" | "siteId" | "enrollmentDate">,
  changedFormType: string,
): Promise<CrossFormFinding[]> {
  const { checks, reads } = checksAffectedBy(changedFormType);
  if (checks.length === 0) return [];
  // One round trip for both reads: the forms the checks read and the open queries they own.
  const [read] = await tx.$queryRaw<{ records: StoredForCheck[] | null; open: OpenSystemQuery[] | null }[]>`
    SELECT
      (SELECT json_agg(json_build_object('id', r."id", 'formType', r."form_type", 'visitKey', r."visit_key", 'data', r."data", 'computed', r."computed") ORDER BY r."created_at")
         FROM "crf_records" r
        WHERE r."patient_id" = ${patient.id}::uuid AND r."deleted_at" IS NULL AND r."form_type" = ANY(${reads}::text[])) AS "records",
      (SELECT json_agg(json_build_object('id', q."id", 'recordId', q."record_id", 'checkKey', q."check_key", 'fieldPath', q."field_path"))
         FROM "data_queries" q
        WHERE q."patient_id" = ${patient.id}::uuid AND q."status" <> 'CLOSED' AND q."check_key" = ANY(${checks.map((c) => c.key)}::text[])) AS "open"`;
  const records = read?.records ?? [];
  const open = read?.open ?? [];
  const findings = runCrossFormChecks(
    checks,
    records.map((r) => ({ ...r, computed: (r.computed ?? {}) as Record<string, unknown> })),
    { enrollmentDate: patient.enrollmentDate },
  );
  const openKeys = new Set(open.map(findingKey));
  const foundKeys = new Set(findings.map(findingKey));
  const auditActor = actor;
  for (const finding of findings.filter((f) => !openKeys.has(findingKey(f)))) {
    const query = await tx.dataQuery.create({
      data: {
        patientId: patient.id,
        siteId: patient.siteId,
        recordId: finding.recordId,
        fieldPath: finding.fieldPath,
        checkKey: finding.checkKey,
        openedById: actor.userId,
        messages: {
          create: { authorId: actor.userId, authorName: EDIT_CHECK_AUTHOR, kind: "OPEN", text: finding.message },
        },
      },
    });
    await writeAudit(tx, auditActor, {
      action: "QUERY_OPEN",
      entityType: "query",
      entityId: query.id,
      siteId: patient.siteId,
      patientId: patient.id,
      changes: [{ field: finding.fieldPath, from: null, to: finding.message }],
      reason: `Edit check ${finding.checkKey}, on saving a ${changedFormType} form`,
    });
  }
  for (const stale of open.filter((q) => !foundKeys.has(findingKey(q)))) {
    const text = `Resolved: the check passes since a ${changedFormType} form was saved.`;
    await tx.dataQuery.update({
      where: { id: stale.id },
      data: {
        status: "CLOSED",
        messages: { create: { authorId: actor.userId, authorName: EDIT_CHECK_AUTHOR, kind: "CLOSE", text } },
      },
    });
    await writeAudit(tx, auditActor, {
      action: "QUERY_CLOSE",
      entityType: "query",
      entityId: stale.id,
      siteId: patient.siteId,
      patientId: patient.id,
      changes: [{ field: "status", from: "OPEN", to: "CLOSED" }],
      reason: `Edit check ${stale.checkKey ?? ""} passes`,
    });
  }
  return findings;
}
