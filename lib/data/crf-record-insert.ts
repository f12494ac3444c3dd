import "server-only";
import { randomUUID } from "node:crypto";
import { toAuditRow, type AuditActor, type AuditChange } from "@/lib/audit/audit-log";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FormStatus } from "@/lib/generated/prisma/enums";

export interface NewCrfRecord {
  patientId: string;
  siteId: string;
  formType: string;
  visitKey: string | null;
  data: unknown;
  computed: unknown;
  status: FormStatus;
  /** The version of the form's definition the data were validated by (lib/forms/form-version.ts). */
  formVersion: number;
  userId: string;
}

export interface InsertedCrfRecord {
  id: string;
  formType: string;
  visitKey: string | null;
  data: Prisma.JsonValue;
  computed: Prisma.JsonValue;
  status: FormStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  signedAt: Date | null;
  sdvAt: Date | null;
}

/**
 * Inserts a new form and its CREATE audit record in one statement (a data-modifying CTE).
 * Both rows still commit or roll back with the caller's transaction; what this saves is a
 * database round trip on the busiest write of the app, which on a loaded 2-core machine
 * costs more than the insert itself (bench/form-save-bench.ts prints the CPU per save).
 */
export async function insertCrfRecordWithAudit(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  record: NewCrfRecord,
  changes: AuditChange[],
  action: "CREATE" | "IMPORT" = "CREATE",
): Promise<InsertedCrfRecord> {
  const id = randomUUID();
  const audit = toAuditRow(actor, {
    action,
    entityType: `form:${record.formType}`,
    entityId: id,
    siteId: record.siteId,
    patientId: record.patientId,
    changes,
  });
  // JSONB drops undefined members, as Prisma's Json fields do.
  const [inserted] = await tx.$queryRaw<InsertedCrfRecord[]>`
    WITH "record" AS (
      INSERT INTO "crf_records" ("id", "patient_id", "site_id", "form_type", "visit_key", "data", "computed", "status", "form_version", "created_by_id", "updated_by_id", "updated_at")
      VALUES (${id}::uuid, ${record.patientId}::uuid, ${record.siteId}::uuid, ${record.formType}, ${record.visitKey},
              ${JSON.stringify(record.data)}::jsonb, ${JSON.stringify(record.computed ?? {})}::jsonb, ${record.status}::"FormStatus", ${record.formVersion}::int,
              ${record.userId}::uuid, ${record.userId}::uuid, CURRENT_TIMESTAMP)
      RETURNING *
    ), "audit" AS (
      INSERT INTO "audit_events" ("actor_id", "actor_email", "action", "entity_type", "entity_id", "site_id", "patient_id", "changes", "reason", "api_token_id", "api_token_name")
      SELECT ${audit.actorId}::uuid, ${audit.actorEmail}, ${audit.action}, ${audit.entityType}, "record"."id"::text,
             ${audit.siteId}::uuid, ${audit.patientId}::uuid, ${JSON.stringify(audit.changes)}::jsonb, ${audit.reason},
             ${audit.apiTokenId}::uuid, ${audit.apiTokenName}
      FROM "record"
    )
    SELECT "id"::text AS "id", "form_type" AS "formType", "visit_key" AS "visitKey", "data", "computed", "status"::text AS "status",
           "version", "created_at" AS "createdAt", "updated_at" AS "updatedAt", "signed_at" AS "signedAt", "sdv_at" AS "sdvAt"
    FROM "record"`;
  return inserted!;
}
