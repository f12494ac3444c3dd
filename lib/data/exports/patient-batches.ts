import "server-only";
import { getPrisma } from "@/lib/db/prisma";
import type { ExportPatient, ExportRecord } from "@/lib/export/csv/csv-plan";
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
}

/** Patients a batch at a time, each with their forms of the given types. */
export async function* readPatientRecordBatches(
  scope: ExportScope,
  formTypes: readonly string[],
): AsyncGenerator<PatientWithRecords[]> {
  const siteIds = scope.sites.map((s) => s.id);
  for await (const patients of readPatientBatches(scope)) {
    const rows = await getPrisma().crfRecord.findMany({
      // The site filter again: a record is read only through a patient of an exported site.
      where: {
        patientId: { in: patients.map((p) => p.id) },
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
    yield patients.map((patient) => ({ patient, records: byPatient.get(patient.id) ?? [] }));
  }
}
