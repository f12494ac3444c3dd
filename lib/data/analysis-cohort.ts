import "server-only";
import type { SiteScope } from "@/lib/auth/actor";
import type { AnalysisPatientRecords, AnalysisRecord } from "@/lib/analysis/patient-records";
import { getPrisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The enrolled patients an analysis covers, one row per patient, aggregated in PostgreSQL.
 * Not exported to pages: lib/data/analysis.ts checks dashboard.read and passes the scope in.
 *
 * Only what lib/analysis/patient-records.ts reads leaves the database: of the tumour
 * assessments their date, visit and computed response and % change; of the first end-of-study
 * form its follow-up dates; of the first cytokines form its analytes; of every form only the
 * latest visit date (`lastVisitDate`, the same ISO-date test as the reader). At 10,000 patients
 * that is 10,000 rows instead of ~143,000 whole forms. The records keep their saved order
 * (created_at, id), as the whole-record reader had them. lib/data/analysis-cohort.integration.test.ts
 * compares the results with the whole-record computation.
 */
interface CohortRow {
  id: string;
  subject_id: string;
  status: string;
  enrollment_date: string;
  site_code: string;
  last_visit_date: string | null;
  assessments:
    { visitKey: string | null; assessmentDate: unknown; response: unknown; pctFromBaseline: unknown }[] | null;
  end_of_study: Record<string, unknown> | null;
  analytes: unknown;
}

export async function loadAnalysisCohort(
  scope: Exclude<SiteScope, { kind: "none" }>,
  db: Prisma.TransactionClient = getPrisma(),
): Promise<AnalysisPatientRecords[]> {
  const all = scope.kind === "all";
  const siteIds = scope.kind === "sites" ? scope.siteIds : [];
  const rows = await db.$queryRaw<CohortRow[]>`
    WITH forms AS MATERIALIZED (
      -- Small rows before grouping: the fields read, not whole forms (a sort of whole JSON spilled to disk).
      SELECT r."patient_id", r."form_type", r."created_at", r."id",
        CASE WHEN r."form_type" = 'tumour-assessment' THEN jsonb_build_object(
          'visitKey', r."visit_key", 'assessmentDate', r."data" -> 'assessmentDate',
          'response', r."computed" -> 'response', 'pctFromBaseline', r."computed" -> 'pctFromBaseline'
        ) END AS "assessment",
        CASE WHEN r."form_type" = 'end-of-study' THEN jsonb_build_object(
          'progressionDate', r."data" -> 'progressionDate', 'deathDate', r."data" -> 'deathDate', 'lastKnownAliveDate', r."data" -> 'lastKnownAliveDate',
          'offTreatmentDate', r."data" -> 'offTreatmentDate', 'offStudyDate', r."data" -> 'offStudyDate'
        ) END AS "end_of_study",
        CASE WHEN r."form_type" = 'cytokines' THEN r."data" -> 'analytes' END AS "analytes",
        greatest(
          CASE WHEN jsonb_typeof(r."data" -> 'visitDate') = 'string' AND r."data" ->> 'visitDate' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN r."data" ->> 'visitDate' END COLLATE "C",
          CASE WHEN jsonb_typeof(r."data" -> 'sampleDate') = 'string' AND r."data" ->> 'sampleDate' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN r."data" ->> 'sampleDate' END,
          CASE WHEN jsonb_typeof(r."data" -> 'assessmentDate') = 'string' AND r."data" ->> 'assessmentDate' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN r."data" ->> 'assessmentDate' END
        ) AS "visit_date"
      FROM "crf_records" r
      WHERE r."deleted_at" IS NULL AND (${all} OR r."site_id" = ANY(${siteIds}::uuid[]))
    ), per_patient AS (
      SELECT f."patient_id",
        max(f."visit_date") AS "last_visit_date",
        jsonb_agg(f."assessment" ORDER BY f."created_at", f."id") FILTER (WHERE f."form_type" = 'tumour-assessment') AS "assessments",
        (array_agg(f."end_of_study" ORDER BY f."created_at", f."id") FILTER (WHERE f."form_type" = 'end-of-study'))[1] AS "end_of_study",
        (array_agg(f."analytes" ORDER BY f."created_at", f."id") FILTER (WHERE f."form_type" = 'cytokines'))[1] AS "analytes"
      FROM forms f GROUP BY f."patient_id"
    )
    SELECT p."id"::text AS "id", p."subject_id", p."status"::text AS "status", to_char(p."enrollment_date", 'YYYY-MM-DD') AS "enrollment_date",
      s."code" AS "site_code", pp."last_visit_date", pp."assessments", pp."end_of_study", pp."analytes"
    FROM "patients" p JOIN "sites" s ON s."id" = p."site_id" LEFT JOIN per_patient pp ON pp."patient_id" = p."id"
    WHERE p."deleted_at" IS NULL AND p."enrollment_date" IS NOT NULL AND (${all} OR p."site_id" = ANY(${siteIds}::uuid[]))
    ORDER BY p."subject_id"`;
  return rows.map(toPatientRecords);
}

function toPatientRecords(row: CohortRow): AnalysisPatientRecords {
  const records: AnalysisRecord[] = (row.assessments ?? []).map((a) => ({
    formType: "tumour-assessment",
    visitKey: a.visitKey,
    data: { assessmentDate: a.assessmentDate },
    computed: { response: a.response, pctFromBaseline: a.pctFromBaseline },
  }));
  if (row.end_of_study)
    records.push({ formType: "end-of-study", visitKey: null, data: row.end_of_study, computed: {} });
  if (row.analytes !== null)
    records.push({ formType: "cytokines", visitKey: null, data: { analytes: row.analytes }, computed: {} });
  return {
    patientId: row.id,
    subjectId: row.subject_id,
    siteCode: row.site_code,
    status: row.status,
    enrollmentDate: row.enrollment_date,
    lastVisitDate: row.last_visit_date,
    records,
  };
}
