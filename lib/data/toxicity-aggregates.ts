import "server-only";
import type { WorstGradeCount } from "@/lib/analysis/toxicity/worst-grade-table";
import type { ToxicityFilters } from "@/lib/domain/toxicity/toxicity-filters";
import { getPrisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  adverseEventFrom,
  adverseEventWhere,
  labResultFrom,
  labToxicityWhere,
  siteConditions,
  type SiteWhere,
} from "./toxicity-sql";

/**
 * The toxicity review's totals, counted by PostgreSQL over the typed tables so that a request
 * after a save reads counts, not every event (issue 14: the first request after a save read
 * every adverse event's JSON, 42 s at 100,000 patients). Scope and filters as in
 * lib/data/toxicity-sql.ts; callers check the permission.
 */
export interface ToxicityTotals {
  adverseEvents: number;
  patientsWithEvents: number;
  labResultsGrade3Plus: number;
  enrolledPatients: number;
}

export async function countToxicities(scope: SiteWhere, filters: ToxicityFilters): Promise<ToxicityTotals> {
  const enrolled = [
    Prisma.sql`p."deleted_at" IS NULL`,
    Prisma.sql`p."enrollment_date" IS NOT NULL`,
    ...siteConditions(scope, filters, Prisma.sql`p."site_id"`),
  ];
  const [row] = await getPrisma().$queryRaw<ToxicityTotals[]>`
    SELECT e."adverseEvents", e."patientsWithEvents",
      (SELECT count(*)::int FROM ${labResultFrom("patient")} WHERE ${labToxicityWhere(scope, filters, "patient")}) AS "labResultsGrade3Plus",
      (SELECT count(*)::int FROM "patients" p WHERE ${Prisma.join(enrolled, " AND ")}) AS "enrolledPatients"
    FROM (
      SELECT count(*)::int AS "adverseEvents", count(DISTINCT a."patient_id")::int AS "patientsWithEvents"
      FROM ${adverseEventFrom("patient")} WHERE ${adverseEventWhere(scope, filters, "patient")}
    ) e`;
  return row!;
}

/**
 * Patients per (term, worst grade) and per worst grade over all terms (term null), for the
 * worst-grade table (lib/analysis/toxicity/worst-grade-table.ts tabulateWorstGradeCounts):
 * enrolled patients' treatment-emergent events only, i.e. onset on or after day 1, the rule of
 * isTreatmentEmergent (ICH E9 glossary) in SQL. The SOC is the CTCAE term's own (the projection
 * looks it up by term), so one per term.
 */
export async function loadWorstGradeCounts(scope: SiteWhere, filters: ToxicityFilters): Promise<WorstGradeCount[]> {
  const emergent = [Prisma.sql`p."enrollment_date" IS NOT NULL`, Prisma.sql`a."onset_date" >= p."enrollment_date"`];
  return getPrisma().$queryRaw<WorstGradeCount[]>`
    WITH "worst" AS (
      SELECT a."patient_id", a."term", min(a."soc") AS "soc", max(a."grade") AS "grade"
      FROM ${adverseEventFrom("patient")}
      WHERE ${adverseEventWhere(scope, filters, "patient", emergent)}
      GROUP BY a."patient_id", a."term"
    ), "overall" AS (
      SELECT "patient_id", max("grade") AS "grade" FROM "worst" GROUP BY "patient_id"
    )
    SELECT "term", min("soc") AS "soc", "grade", count(*)::int AS "patients" FROM "worst" GROUP BY "term", "grade"
    UNION ALL
    SELECT NULL, NULL, "grade", count(*)::int FROM "overall" GROUP BY "grade"`;
}
