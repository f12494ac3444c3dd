import "server-only";
import { scopeOf, siteFilter, type Actor } from "@/lib/auth/actor";
import { analyzeCohortBiomarker, analyzeEfficacy, type BiomarkerRequest, type EfficacyAnalysis } from "@/lib/analysis/cohort-analysis";
import type { BiomarkerAnalysis } from "@/lib/analysis/biomarkers";
import { summarizeEnrollment, type EnrollmentSummary } from "@/lib/analysis/enrollment-summary";
import { listCytokineNames, type AnalysisPatientRecords } from "@/lib/analysis/patient-records";
import { getPrisma } from "@/lib/db/prisma";
import type { ConfType } from "@/lib/domain/survival";
import { ForbiddenError } from "@/lib/errors";

/** Throws ForbiddenError unless the actor may see dashboards at some site. */
export function requireDashboard(actor: Actor): void {
  if (scopeOf(actor, "dashboard.read").kind === "none") throw new ForbiddenError();
}

/**
 * The enrolled patients the actor's dashboards cover, with their saved forms (withdrawn forms
 * and deleted patients left out). The site filter is in the query: a coordinator of one site
 * analyses that site only.
 */
async function loadAnalysisPatients(actor: Actor): Promise<AnalysisPatientRecords[]> {
  requireDashboard(actor);
  const filter = siteFilter(actor, "dashboard.read");
  const rows = await getPrisma().patient.findMany({
    where: { ...filter, deletedAt: null, enrollmentDate: { not: null } },
    orderBy: { subjectId: "asc" },
    select: {
      id: true,
      subjectId: true,
      status: true,
      enrollmentDate: true,
      site: { select: { code: true } },
      crfRecords: {
        where: { deletedAt: null, ...filter },
        orderBy: { createdAt: "asc" },
        select: { formType: true, visitKey: true, data: true, computed: true },
      },
    },
  });
  return rows.map((row) => ({
    patientId: row.id,
    subjectId: row.subjectId,
    siteCode: row.site.code,
    status: row.status,
    enrollmentDate: row.enrollmentDate!.toISOString().slice(0, 10),
    records: row.crfRecords.map((r) => ({ ...r, computed: (r.computed ?? {}) as Record<string, unknown> })),
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
