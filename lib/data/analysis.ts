import "server-only";
import { scopeOf, siteFilter, type Actor } from "@/lib/auth/actor";
import { analyzeCohortBiomarker, analyzeEfficacy, type BiomarkerRequest, type EfficacyAnalysis } from "@/lib/analysis/cohort-analysis";
import type { BiomarkerAnalysis } from "@/lib/analysis/biomarkers";
import { summarizeEnrollment, type EnrollmentSummary } from "@/lib/analysis/enrollment-summary";
import { FORMS_READ_WHOLE, listCytokineNames, VISIT_DATE_FIELDS, type AnalysisPatientRecords, type AnalysisRecord } from "@/lib/analysis/patient-records";
import { getPrisma } from "@/lib/db/prisma";
import type { ConfType } from "@/lib/domain/survival";
import { ForbiddenError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** Throws ForbiddenError unless the actor may see dashboards at some site. */
export function requireDashboard(actor: Actor): void {
  if (scopeOf(actor, "dashboard.read").kind === "none") throw new ForbiddenError();
}

/**
 * The enrolled patients the actor's dashboards cover, with their saved forms (withdrawn forms
 * and deleted patients left out). The site filter is in the query: a coordinator of one site
 * analyses that site only. Of the forms the analysis does not read whole only the visit dates
 * leave the database (FORMS_READ_WHOLE): at 10,000 patients the lab panels and adverse events
 * were most of the rows' JSON, read and parsed on every dashboard request.
 */
async function loadAnalysisPatients(actor: Actor): Promise<AnalysisPatientRecords[]> {
  requireDashboard(actor);
  const filter = siteFilter(actor, "dashboard.read");
  const scope = scopeOf(actor, "dashboard.read");
  const siteIds = scope.kind === "sites" ? scope.siteIds : [];
  const wholeForms: string[] = [...FORMS_READ_WHOLE];
  const dateFields = Prisma.join(VISIT_DATE_FIELDS.map((name) => Prisma.sql`${name}::text, r."data" -> ${name}::text`));
  const [patients, records] = await Promise.all([
    getPrisma().patient.findMany({
      where: { ...filter, deletedAt: null, enrollmentDate: { not: null } },
      orderBy: { subjectId: "asc" },
      select: { id: true, subjectId: true, status: true, enrollmentDate: true, site: { select: { code: true } } },
    }),
    getPrisma().$queryRaw<{ patient_id: string; form_type: string; visit_key: string | null; data: unknown; computed: Record<string, unknown> | null }[]>`
      SELECT r."patient_id"::text AS "patient_id", r."form_type", r."visit_key",
        CASE WHEN r."form_type" = ANY(${wholeForms}::text[]) THEN r."data" ELSE jsonb_build_object(${dateFields}) END AS "data",
        CASE WHEN r."form_type" = ANY(${wholeForms}::text[]) THEN r."computed" END AS "computed"
      FROM "crf_records" r JOIN "patients" p ON p."id" = r."patient_id"
      WHERE r."deleted_at" IS NULL AND p."deleted_at" IS NULL AND p."enrollment_date" IS NOT NULL
        AND (${scope.kind === "all"} OR (r."site_id" = ANY(${siteIds}::uuid[]) AND p."site_id" = ANY(${siteIds}::uuid[])))
      ORDER BY r."created_at", r."id"`,
  ]);
  const byPatient = new Map<string, AnalysisRecord[]>();
  for (const r of records) {
    const list = byPatient.get(r.patient_id) ?? [];
    list.push({ formType: r.form_type, visitKey: r.visit_key, data: r.data, computed: r.computed ?? {} });
    byPatient.set(r.patient_id, list);
  }
  return patients.map((row) => ({
    patientId: row.id,
    subjectId: row.subjectId,
    siteCode: row.site.code,
    status: row.status,
    enrollmentDate: row.enrollmentDate!.toISOString().slice(0, 10),
    records: byPatient.get(row.id) ?? [],
  }));
}

/** ORR, DCR, BOR, PFS and OS (medians with the chosen CI method), curves, waterfall and swimmer data. */
export async function getEfficacyAnalysis(actor: Actor, options: { ciMethod: ConfType }): Promise<EfficacyAnalysis> {
  return analyzeEfficacy(await loadAnalysisPatients(actor), options.ciMethod);
}

/** One baseline cytokine against PFS or OS; also lists the analytes recorded, for the selector. */
export async function getBiomarkerAnalysis(actor: Actor, request: BiomarkerRequest): Promise<BiomarkerAnalysis & { cytokine: string; endpoint: "os" | "pfs"; cytokines: string[] }> {
  const patients = await loadAnalysisPatients(actor);
  return { cytokine: request.cytokine, endpoint: request.endpoint, cytokines: listCytokineNames(patients), ...analyzeCohortBiomarker(patients, request) };
}

/** Screening and enrollment per site against the sites' targets, and cumulative enrollment over time. */
export async function getEnrollmentSummary(actor: Actor): Promise<EnrollmentSummary> {
  requireDashboard(actor);
  const scope = scopeOf(actor, "dashboard.read");
  const [sites, patients] = await Promise.all([
    getPrisma().site.findMany({
      where: scope.kind === "sites" ? { id: { in: scope.siteIds } } : {},
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, targetEnrollment: true },
    }),
    getPrisma().patient.findMany({
      where: { ...siteFilter(actor, "dashboard.read"), deletedAt: null },
      select: { siteId: true, status: true, screeningDate: true, enrollmentDate: true },
    }),
  ]);
  return summarizeEnrollment(
    sites,
    patients.map((p) => ({ siteId: p.siteId, status: p.status, enrollmentDate: p.enrollmentDate?.toISOString().slice(0, 10) ?? null })),
  );
}
