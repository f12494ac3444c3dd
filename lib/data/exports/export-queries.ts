import "server-only";
import { getPrisma } from "@/lib/db/prisma";
import type { ComputedColumn } from "@/lib/export/csv/csv-plan";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ExportScope } from "./export-scope";

/**
 * The computed values' columns per form type, found in the stored records by PostgreSQL
 * (objects descended into, everything else a leaf: the rule of flattenComputed), so the
 * CSV headers are known before the first row without loading the records.
 */
export async function discoverComputedColumns(scope: ExportScope): Promise<Map<string, ComputedColumn[]>> {
  const siteIds = scope.sites.map((s) => s.id);
  const rows = await getPrisma().$queryRaw<{ form_type: string; path: string; types: string }[]>(Prisma.sql`
    WITH RECURSIVE walk(form_type, path, value) AS (
      SELECT r."form_type", e.key, e.value
      FROM "crf_records" r
      JOIN "patients" p ON p."id" = r."patient_id" AND p."deleted_at" IS NULL
      CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(r."computed") = 'object' THEN r."computed" ELSE '{}'::jsonb END) e
      WHERE r."deleted_at" IS NULL AND r."site_id" = ANY(${siteIds}::uuid[])
      UNION ALL
      SELECT w.form_type, w.path || '.' || e.key, e.value
      FROM walk w CROSS JOIN LATERAL jsonb_each(w.value) e
      WHERE jsonb_typeof(w.value) = 'object'
    )
    SELECT form_type, path, string_agg(DISTINCT jsonb_typeof(value), ',') AS types
    FROM walk WHERE jsonb_typeof(value) <> 'object'
    GROUP BY form_type, path ORDER BY form_type, path`);
  const byForm = new Map<string, ComputedColumn[]>();
  for (const row of rows) {
    const list = byForm.get(row.form_type) ?? [];
    const types = row.types.split(",").filter((t) => t !== "null");
    list.push({ path: row.path, jsonType: types.length === 1 ? types[0]! : types.length === 0 ? "null" : "string" });
    byForm.set(row.form_type, list);
  }
  // A value that is null in some records and an object in others: keep only its leaves.
  for (const [form, list] of byForm) {
    byForm.set(
      form,
      list.filter((c) => c.jsonType !== "null" || !list.some((o) => o.path.startsWith(`${c.path}.`))),
    );
  }
  return byForm;
}

/** The audit trail of the given patients' forms, oldest first (for ODM AuditRecords). */
export async function readFormAuditEvents(scope: ExportScope, patientIds: readonly string[]) {
  return getPrisma().auditEvent.findMany({
    where: {
      patientId: { in: [...patientIds] },
      siteId: { in: scope.sites.map((s) => s.id) },
      entityType: { startsWith: "form:" },
    },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { id: true, entityId: true, actorId: true, occurredAt: true, changes: true, reason: true },
  });
}

/** Everyone who changed a form of an exported patient (for ODM AdminData Users). */
export async function listFormAuditUsers(
  scope: ExportScope,
): Promise<{ id: string; email: string; name: string | null }[]> {
  const siteIds = scope.sites.map((s) => s.id);
  const rows = await getPrisma().$queryRaw<{ id: string; email: string; name: string | null }[]>(Prisma.sql`
    SELECT DISTINCT a."actor_id"::text AS id, a."actor_email" AS email, u."name" AS name
    FROM "audit_events" a LEFT JOIN "users" u ON u."id" = a."actor_id"
    WHERE a."entity_type" LIKE 'form:%' AND a."actor_id" IS NOT NULL AND a."site_id" = ANY(${siteIds}::uuid[])
    ORDER BY 1`);
  return rows;
}
