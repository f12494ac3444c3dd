import "server-only";
import { getPrisma } from "@/lib/db/prisma";
import type { ExportPatient, ExportRecord } from "@/lib/export/csv/csv-plan";
import type { TypedRows } from "@/lib/export/sdtm/sdtm-subject";
import { PROJECTION_TABLE_NAMES, type ProjectionTableName } from "@/lib/forms/projections";
import { toCrfRecordView } from "../crf-records";
import type { ExportScope } from "./export-scope";

/** Patients are read this many at a time: memory holds one batch, whatever the trial's size. */
export const PATIENT_BATCH_SIZE = 50;

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
  externalId: string | null;
}

/** The export's patients in subject ID order, a batch at a time (keyset cursor on the subject ID). */
export async function* readPatientBatches(scope: ExportScope): AsyncGenerator<ExportPatient[]> {
  const siteById = new Map(scope.sites.map((s) => [s.id, s]));
  let cursor: string | null = null;
  for (;;) {
    const rows: PatientRow[] = await getPrisma().patient.findMany({
      where: {
        siteId: { in: [...siteById.keys()] },
        deletedAt: null,
        ...(cursor ? { subjectId: { gt: cursor } } : {}),
      },
      orderBy: { subjectId: "asc" },
      take: PATIENT_BATCH_SIZE,
      select: {
        id: true,
        subjectId: true,
        siteId: true,
        status: true,
        screeningDate: true,
        enrollmentDate: true,
        screenFailureReason: true,
        lockedAt: true,
        externalId: true,
      },
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
        externalId: row.externalId,
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
  /** The patient's rows of the requested typed tables, their forms oldest first. */
  typed: TypedRows;
}

/** Patients a batch at a time, each with their forms of the given types and rows of the given typed tables. */
export async function* readPatientRecordBatches(
  scope: ExportScope,
  formTypes: readonly string[],
  typedTables: readonly ProjectionTableName[] = [],
): AsyncGenerator<PatientWithRecords[]> {
  const siteIds = scope.sites.map((s) => s.id);
  for await (const patients of readPatientBatches(scope)) {
    const patientIds = patients.map((p) => p.id);
    const rows =
      formTypes.length === 0
        ? []
        : await getPrisma().crfRecord.findMany({
            // The site filter again: a record is read only through a patient of an exported site.
            where: {
              patientId: { in: patientIds },
              siteId: { in: siteIds },
              formType: { in: [...formTypes] },
              deletedAt: null,
            },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          });
    const byPatient = new Map<string, ExportRecord[]>();
    for (const row of rows) {
      const list = byPatient.get(row.patientId) ?? [];
      list.push({ ...toCrfRecordView(row), createdAt: row.createdAt.toISOString() });
      byPatient.set(row.patientId, list);
    }
    const typed = new Map<string, Record<string, unknown[]>>(patientIds.map((id) => [id, {}]));
    for (const table of typedTables)
      for (const row of await readTypedRows(table, patientIds, siteIds)) {
        const own = typed.get(row.patient_id)!;
        (own[table] ??= []).push(row.row);
      }
    yield patients.map((patient) => ({
      patient,
      records: byPatient.get(patient.id) ?? [],
      typed: typed.get(patient.id) as TypedRows,
    }));
  }
}

/**
 * One typed table's rows of the given patients as the projections wrote them, without the
 * change_xid kept for the readers' change tracking (to_jsonb gives dates as yyyy-mm-dd and
 * numbers as numbers), each with its form's id and visit, in the order the forms were created;
 * rows of a withdrawn form are already gone (lib/data/projections.ts).
 */
async function readTypedRows(
  table: ProjectionTableName,
  patientIds: readonly string[],
  siteIds: readonly string[],
): Promise<{ patient_id: string; row: Record<string, unknown> }[]> {
  if (!(PROJECTION_TABLE_NAMES as readonly string[]).includes(table)) throw new Error(`Unknown typed table ${table}`);
  return getPrisma().$queryRawUnsafe(
    `SELECT t."patient_id"::text AS "patient_id",
            (to_jsonb(t) - 'id' - 'patient_id' - 'change_xid') || jsonb_build_object('crf_record_id', t."crf_record_id"::text, 'visit_key', r."visit_key") AS "row"
     FROM "${table}" t JOIN "crf_records" r ON r."id" = t."crf_record_id"
     WHERE t."patient_id" = ANY($1::uuid[]) AND r."site_id" = ANY($2::uuid[]) AND r."deleted_at" IS NULL
     ORDER BY r."created_at", r."id"`,
    patientIds,
    siteIds,
  );
}
