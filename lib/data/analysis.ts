import "server-only";
import { scopeOf, type Actor, type SiteScope } from "@/lib/auth/actor";
import {
  analyzeCohortBiomarker,
  analyzeEfficacy,
  type BiomarkerRequest,
  type EfficacyAnalysis,
} from "@/lib/analysis/cohort-analysis";
import type { BiomarkerAnalysis } from "@/lib/analysis/biomarkers";
import { summarizeEnrollment, type EnrollmentSummary } from "@/lib/analysis/enrollment-summary";
import type { AnalysisPatientRecords } from "@/lib/analysis/patient-records";
import { listCohortCytokineNames } from "@/lib/analysis/per-patient";
import { listPatientOutcomes, type PatientOutcomeRow } from "@/lib/analysis/patient-outcomes";
import { listResponsesInEnrollmentOrder, type PatientResponse } from "@/lib/analysis/response-sequence";
import { getPrisma } from "@/lib/db/prisma";
import type { ConfType } from "@/lib/domain/survival";
import { ForbiddenError } from "@/lib/errors";
import { analysisCohortStore } from "./analysis-cohort-store";
import { cachedByDataVersion } from "./cached-by-version";

/** Throws ForbiddenError unless the actor may see dashboards at some site. */
export function requireDashboard(actor: Actor): void {
  if (scopeOf(actor, "dashboard.read").kind === "none") throw new ForbiddenError();
}

function scopeKey(scope: SiteScope): string {
  return scope.kind === "sites" ? scope.siteIds.join(",") : scope.kind;
}

/**
 * An analysis of the enrolled patients the actor's dashboards cover (site filter in memory),
 * kept per data version (lib/data/cached-by-version.ts). The patients come from the cohort kept
 * in the process, which reads again only the patients written since (analysis-cohort-store.ts).
 */
async function withCohort<T>(
  actor: Actor,
  request: string,
  analyze: (patients: readonly AnalysisPatientRecords[]) => T,
): Promise<T> {
  const scope = scopeOf(actor, "dashboard.read");
  if (scope.kind === "none") throw new ForbiddenError();
  return cachedByDataVersion(`${request}|${scopeKey(scope)}`, async () =>
    analyze(await analysisCohortStore.read(scope)),
  );
}

/** ORR, DCR, BOR, PFS and OS (medians with the chosen CI method), curves, waterfall and swimmer data. */
export async function getEfficacyAnalysis(actor: Actor, options: { ciMethod: ConfType }): Promise<EfficacyAnalysis> {
  return withCohort(actor, `efficacy|${options.ciMethod}`, (patients) => analyzeEfficacy(patients, options.ciMethod));
}

/**
 * Each enrolled patient's best overall response, PFS and OS as the efficacy analysis used them,
 * by subject ID, one page at a time (cursor = last subject ID), in the actor's dashboard scope.
 */
export async function getPatientOutcomes(
  actor: Actor,
  options: { pageSize: number; cursor?: string },
): Promise<{ data: PatientOutcomeRow[]; nextCursor: string | null }> {
  const all = await withCohort(actor, "patient-outcomes", listPatientOutcomes);
  const rest = options.cursor ? all.filter((row) => row.subjectId > options.cursor!) : all;
  const data = rest.slice(0, options.pageSize);
  return { data, nextCursor: rest.length > options.pageSize ? data[data.length - 1]!.subjectId : null };
}

/** Every enrolled patient's best overall response (as the efficacy dashboard derives it), in enrollment order. */
export async function getResponsesInEnrollmentOrder(actor: Actor): Promise<PatientResponse[]> {
  return withCohort(actor, "responses-in-order", listResponsesInEnrollmentOrder);
}

/** One baseline cytokine against PFS or OS; also lists the analytes recorded, for the selector. */
export async function getBiomarkerAnalysis(
  actor: Actor,
  request: BiomarkerRequest,
): Promise<BiomarkerAnalysis & { cytokine: string; endpoint: "os" | "pfs"; cytokines: string[] }> {
  const key = `biomarker|${JSON.stringify([request.cytokine, request.cut, request.endpoint, request.ciMethod ?? null])}`;
  return withCohort(actor, key, (patients) => ({
    cytokine: request.cytokine,
    endpoint: request.endpoint,
    cytokines: listCohortCytokineNames(patients),
    ...analyzeCohortBiomarker(patients, request),
  }));
}

/** Screening and enrollment per site against the sites' targets, and cumulative enrollment over time. */
export async function getEnrollmentSummary(actor: Actor): Promise<EnrollmentSummary> {
  requireDashboard(actor);
  const scope = scopeOf(actor, "dashboard.read");
  return cachedByDataVersion(`enrollment|${scopeKey(scope)}`, () => loadEnrollmentSummary(scope));
}

/**
 * Enrolled patients against the sites' target (the PI's home), the same two numbers as
 * getEnrollmentSummary's total, counted by PostgreSQL without the summary's per-day counts for
 * its cumulative curve, which home does not show.
 */
export async function getEnrollmentTotal(actor: Actor): Promise<{ enrolled: number; target: number }> {
  requireDashboard(actor);
  const scope = scopeOf(actor, "dashboard.read");
  const siteIds = scope.kind === "sites" ? scope.siteIds : [];
  const all = scope.kind === "all";
  const [row] = await getPrisma().$queryRaw<{ enrolled: number; target: number }[]>`
    SELECT (SELECT count(*)::int FROM "patients" p
            WHERE p."deleted_at" IS NULL AND p."enrollment_date" IS NOT NULL AND (${all} OR p."site_id" = ANY(${siteIds}::uuid[]))) AS "enrolled",
           (SELECT coalesce(sum(s."target_enrollment"), 0)::int FROM "sites" s WHERE ${all} OR s."id" = ANY(${siteIds}::uuid[])) AS "target"`;
  return row!;
}

async function loadEnrollmentSummary(scope: SiteScope): Promise<EnrollmentSummary> {
  const all = scope.kind === "all";
  const siteIds = scope.kind === "sites" ? scope.siteIds : [];
  // Counted by PostgreSQL, per site and status and per site and enrollment day, each as one text
  // document: at 100,000 patients a row per patient (even as text) cost more than the page's budget.
  const [sites, [counted]] = await Promise.all([
    getPrisma().site.findMany({
      where: scope.kind === "sites" ? { id: { in: scope.siteIds } } : {},
      orderBy: { code: "asc" },
      select: { id: true, code: true, name: true, targetEnrollment: true },
    }),
    getPrisma().$queryRaw<{ statuses: string | null; days: string | null }[]>`
      WITH "scoped" AS MATERIALIZED (
        SELECT "site_id", "status", "enrollment_date" FROM "patients"
        WHERE "deleted_at" IS NULL AND (${all} OR "site_id" = ANY(${siteIds}::uuid[])))
      SELECT
        (SELECT string_agg(concat_ws(' ', "site_id"::text, "status"::text, "enrolled"::int, "patients"), ',')
         FROM (SELECT "site_id", "status", "enrollment_date" IS NOT NULL AS "enrolled", count(*) AS "patients"
               FROM "scoped" GROUP BY 1, 2, 3) AS "by_status") AS "statuses",
        (SELECT string_agg(concat_ws(' ', "site_id"::text, "enrollment_date"::text, "patients"), ',')
         FROM (SELECT "site_id", "enrollment_date", count(*) AS "patients"
               FROM "scoped" WHERE "enrollment_date" IS NOT NULL GROUP BY 1, 2) AS "by_day") AS "days"`,
  ]);
  const rows = (text: string | null | undefined) => (text ? text.split(",").map((row) => row.split(" ")) : []);
  return summarizeEnrollment(
    sites,
    rows(counted?.statuses).map(([siteId, status, enrolled, patients]) => ({
      siteId: siteId!,
      status: status!,
      enrolled: enrolled === "1",
      patients: Number(patients),
    })),
    rows(counted?.days).map(([siteId, date, patients]) => ({
      siteId: siteId!,
      date: date!,
      patients: Number(patients),
    })),
  );
}
