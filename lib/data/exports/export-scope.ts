import "server-only";
import { randomUUID } from "node:crypto";
import { scopeOf, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ComputedColumn, ExportPatient, ExportRecord } from "@/lib/export/csv/csv-plan";
import { Prisma } from "@/lib/generated/prisma/client";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { ExportFiltersSchema, type ExportFilters, type ExportFormat } from "@/lib/schemas/export";

export interface ExportSite {
  id: string;
  code: string;
  name: string;
  country: string;
  /** The day the site was set up: when the forms' metadata took effect there. */
  createdAt: string;
}

/** What one export may read: the caller's sites for export.run, narrowed by the filters. */
export interface ExportScope {
  exportId: string;
  actor: Actor;
  format: ExportFormat;
  filters: ExportFilters;
  sites: ExportSite[];
  patientCount: number;
}

/** Patients are read this many at a time: memory holds one batch, whatever the trial's size. */
export const PATIENT_BATCH_SIZE = 50;

/**
 * Opens an export: checks export.run, resolves the sites (a site outside the caller's scope
 * is "not found", like a missing one) and counts the patients for the progress total.
 */
export async function openExport(actor: Actor, format: ExportFormat, rawFilters: unknown): Promise<ExportScope> {
  const scope = scopeOf(actor, "export.run");
  if (scope.kind === "none") throw new ForbiddenError("You do not have permission to export trial data.");
  const parsed = ExportFiltersSchema.safeParse(rawFilters);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
  const filters = parsed.data;
  const visible = (
    await getPrisma().site.findMany({
      where: scope.kind === "sites" ? { id: { in: scope.siteIds } } : {},
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, country: true, createdAt: true },
    })
  ).map((site) => ({ ...site, createdAt: site.createdAt.toISOString().slice(0, 10) }));
  const wanted = filters.site.map((code) => code.toUpperCase());
  for (const code of wanted) if (!visible.some((s) => s.code === code)) throw new NotFoundError("Site");
  const sites = wanted.length ? visible.filter((s) => wanted.includes(s.code)) : visible;
  const patientCount = await getPrisma().patient.count({ where: { siteId: { in: sites.map((s) => s.id) }, deletedAt: null } });
  return { exportId: randomUUID(), actor, format, filters: { site: wanted }, sites, patientCount };
}

const toDate = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

interface PatientRow {
  id: string;
  subjectId: string;
  siteId: string;
  status: string;
  screeningDate: Date;
  enrollmentDate: Date | null;
  screenFailureReason: string | null;
  lockedAt: Date | null;
}

/** The export's patients in subject ID order, a batch at a time (keyset cursor on the subject ID). */
export async function* readPatientBatches(scope: ExportScope): AsyncGenerator<ExportPatient[]> {
  const siteById = new Map(scope.sites.map((s) => [s.id, s]));
  let cursor: string | null = null;
  for (;;) {
    const rows: PatientRow[] = await getPrisma().patient.findMany({
      where: { siteId: { in: [...siteById.keys()] }, deletedAt: null, ...(cursor ? { subjectId: { gt: cursor } } : {}) },
      orderBy: { subjectId: "asc" },
      take: PATIENT_BATCH_SIZE,
      select: { id: true, subjectId: true, siteId: true, status: true, screeningDate: true, enrollmentDate: true, screenFailureReason: true, lockedAt: true },
    });
    if (rows.length === 0) return;
    yield rows.map((row) => {
      const site = siteById.get(row.siteId)!;
      return {
        id: row.id,
        subjectId: row.subjectId,
        siteCode: site.code,
        siteName: site.name,
        status: row.status,
        screeningDate: toDate(row.screeningDate)!,
        enrollmentDate: toDate(row.enrollmentDate),
        screenFailureReason: row.screenFailureReason,
        lockedAt: row.lockedAt?.toISOString() ?? null,
      };
    });
    if (rows.length < PATIENT_BATCH_SIZE) return;
    cursor = rows[rows.length - 1]!.subjectId;
  }
}

export interface PatientWithRecords {
  patient: ExportPatient;
  /** The patient's forms of the requested types (not withdrawn), oldest first. */
  records: ExportRecord[];
}

/** Patients a batch at a time, each with their forms of the given types. */
export async function* readPatientRecordBatches(scope: ExportScope, formTypes: readonly string[]): AsyncGenerator<PatientWithRecords[]> {
  const siteIds = scope.sites.map((s) => s.id);
  for await (const patients of readPatientBatches(scope)) {
    const rows = await getPrisma().crfRecord.findMany({
      // The site filter again: a record is read only through a patient of an exported site.
      where: { patientId: { in: patients.map((p) => p.id) }, siteId: { in: siteIds }, formType: { in: [...formTypes] }, deletedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const byPatient = new Map<string, ExportRecord[]>();
    for (const row of rows) {
      const list = byPatient.get(row.patientId) ?? [];
      list.push({
        id: row.id,
        formType: row.formType,
        visitKey: row.visitKey,
        data: row.data,
        computed: (row.computed ?? {}) as Record<string, unknown>,
        status: row.status,
        version: row.version,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        signedAt: row.signedAt?.toISOString() ?? null,
        sdvAt: row.sdvAt?.toISOString() ?? null,
      });
      byPatient.set(row.patientId, list);
    }
    yield patients.map((patient) => ({ patient, records: byPatient.get(patient.id) ?? [] }));
  }
}

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
    byForm.set(form, list.filter((c) => c.jsonType !== "null" || !list.some((o) => o.path.startsWith(`${c.path}.`))));
  }
  return byForm;
}

/** The audit trail of the given patients' forms, oldest first (for ODM AuditRecords). */
export async function readFormAuditEvents(scope: ExportScope, patientIds: readonly string[]) {
  return getPrisma().auditEvent.findMany({
    where: { patientId: { in: [...patientIds] }, siteId: { in: scope.sites.map((s) => s.id) }, entityType: { startsWith: "form:" } },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { id: true, entityId: true, actorId: true, occurredAt: true, changes: true, reason: true },
  });
}

/** Everyone who changed a form of an exported patient (for ODM AdminData Users). */
export async function listFormAuditUsers(scope: ExportScope): Promise<{ id: string; email: string; name: string | null }[]> {
  const siteIds = scope.sites.map((s) => s.id);
  const rows = await getPrisma().$queryRaw<{ id: string; email: string; name: string | null }[]>(Prisma.sql`
    SELECT DISTINCT a."actor_id"::text AS id, a."actor_email" AS email, u."name" AS name
    FROM "audit_events" a LEFT JOIN "users" u ON u."id" = a."actor_id"
    WHERE a."entity_type" LIKE 'form:%' AND a."actor_id" IS NOT NULL AND a."site_id" = ANY(${siteIds}::uuid[])
    ORDER BY 1`);
  return rows;
}

/**
 * The audit record of an export: who, which format, which filters and sites, how many rows
 * per file, and whether it completed (a download the client abandoned is recorded too).
 */
export async function recordExportAudit(scope: ExportScope, outcome: { rowCounts: Record<string, number>; completed: boolean }): Promise<void> {
  const { actor } = scope;
  await getPrisma().$transaction(async (tx) => {
    await writeAudit(tx, { userId: actor.userId, email: actor.email }, {
      action: "EXPORT",
      entityType: "export",
      entityId: scope.exportId,
      changes: [
        { field: "format", from: null, to: scope.format },
        { field: "filters", from: null, to: scope.filters },
        { field: "sites", from: null, to: scope.sites.map((s) => s.code) },
        { field: "patients", from: null, to: scope.patientCount },
        { field: "rowCounts", from: null, to: outcome.rowCounts },
        { field: "completed", from: null, to: outcome.completed },
      ],
      reason: outcome.completed ? null : "Export stopped before the end (the download was cancelled or failed).",
    });
  });
}
