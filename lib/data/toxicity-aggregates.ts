import "server-only";
import type { ToxicityTotals } from "@/lib/analysis/toxicity/patient-toxicity";
import type { WorstGradeCount } from "@/lib/analysis/toxicity/worst-grade-table";
import { attributionValues, type ToxicityFilters } from "@/lib/domain/toxicity/toxicity-filters";
import { getPrisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  adverseEventFrom,
  adverseEventWhere,
  labResultFrom,
  labToxicityWhere,
  localDateTime,
  siteConditions,
  type SiteWhere,
} from "./toxicity-sql";

export type { ToxicityTotals } from "@/lib/analysis/toxicity/patient-toxicity";

/**
 * The toxicity review's totals, counted by PostgreSQL over the typed tables so that a request
 * after a save reads counts, not every event (issue 14: the first request after a save read
 * every adverse event's JSON, 42 s at 100,000 patients). Scope and filters as in
 * lib/data/toxicity-sql.ts; callers check the permission. Without a filter the dashboard sums
 * the toxicity kept per patient instead (lib/data/toxicity-store.ts).
 */
export async function countToxicities(scope: SiteWhere, filters: ToxicityFilters): Promise<ToxicityTotals> {
  const enrolled = [
    Prisma.sql`p."deleted_at" IS NULL`,
    Prisma.sql`p."enrollment_date" IS NOT NULL`,
    ...siteConditions(scope, filters, Prisma.sql`p."site_id"`),
  ];
  const open = Prisma.sql`a."serious" IS TRUE AND a."reported_at" IS NULL AND a."aware_at" IS NOT NULL`;
  const [row] = await getPrisma().$queryRaw<(Omit<ToxicityTotals, "openSaeAwareTimes"> & { open: string | null })[]>`
    SELECT e."adverseEvents", e."patientsWithEvents", e."seriousAdverseEvents", e."open",
      (SELECT count(*)::int FROM ${labResultFrom("patient")} WHERE ${labToxicityWhere(scope, filters, "patient")}) AS "labResultsGrade3Plus",
      (SELECT count(*)::int FROM "patients" p WHERE ${Prisma.join(enrolled, " AND ")}) AS "enrolledPatients"
    FROM (
      SELECT count(*)::int AS "adverseEvents", count(DISTINCT a."patient_id")::int AS "patientsWithEvents",
        (count(*) FILTER (WHERE a."serious" IS TRUE))::int AS "seriousAdverseEvents",
        string_agg(${localDateTime(Prisma.sql`a."aware_at"`)}, ' ') FILTER (WHERE ${open}) AS "open"
      FROM ${adverseEventFrom("patient")} WHERE ${adverseEventWhere(scope, filters, "patient")}
    ) e`;
  const { open: openAwareTimes, ...totals } = row!;
  return { ...totals, openSaeAwareTimes: openAwareTimes ? openAwareTimes.split(" ") : [] };
}

/**
 * Patients per (term, worst grade) and per worst grade over all terms (term null), for the
 * worst-grade table (lib/analysis/toxicity/worst-grade-table.ts tabulateWorstGradeCounts):
 * enrolled patients' treatment-emergent events only, i.e. onset on or after day 1, the rule of
 * isTreatmentEmergent (ICH E9 glossary) in SQL. The SOC is the CTCAE term's own (the projection
 * looks it up by term), so one per term: it is read per term, not carried through every
 * patient's group. The term is grouped under the "C" collation (byte equality, as the
 * database's own deterministic collation groups it) so hashing and comparing it needs no locale:
 * at 10,000 patients the 27,000 (patient, term) groups were most of the page's database time.
 */
export async function loadWorstGradeCounts(scope: SiteWhere, filters: ToxicityFilters): Promise<WorstGradeCount[]> {
  const emergent = [Prisma.sql`p."enrollment_date" IS NOT NULL`, Prisma.sql`a."onset_date" >= p."enrollment_date"`];
  const where = adverseEventWhere(scope, filters, "patient", emergent);
  return getPrisma().$queryRaw<WorstGradeCount[]>`
    WITH "worst" AS (
      SELECT a."patient_id", a."term" COLLATE "C" AS "term", max(a."grade") AS "grade"
      FROM ${adverseEventFrom("patient")} WHERE ${where}
      GROUP BY a."patient_id", 2
    ), "socs" AS (
      SELECT a."term" COLLATE "C" AS "term", min(a."soc") AS "soc"
      FROM ${adverseEventFrom("patient")} WHERE ${where}
      GROUP BY 1
    ), "counts" AS (
      SELECT "term", "grade", count(*)::int AS "patients" FROM "worst" GROUP BY "term", "grade"
    )
    SELECT c."term"::text AS "term", s."soc", c."grade", c."patients" FROM "counts" c JOIN "socs" s ON s."term" = c."term"
    UNION ALL
    SELECT NULL, NULL, "grade", count(*)::int FROM (SELECT "patient_id", max("grade") AS "grade" FROM "worst" GROUP BY "patient_id") o GROUP BY "grade"`;
}

const RELATED = [...attributionValues("related")];

/**
 * Enrolled patients in scope, and those of them with at least one dose-limiting toxicity,
 * counted by PostgreSQL: the rule of isDoseLimitingToxicity (lib/analysis/toxicity/dose-limiting-toxicity.ts;
 * "grade 3+ treatment-related toxicity", docs/protocol.md "Stopping rules") in SQL: grade 3 or
 * more, onset on or after day 1 (isTreatmentEmergent, ICH E9), attributed possibly, probably or
 * definitely to either drug. The stopping-rule monitor read every grade 3+ event to count this
 * (lib/data/toxicity-typed.integration.test.ts holds the two equal on the demo and a generated trial).
 */
export async function countPatientsWithDltInDatabase(scope: SiteWhere): Promise<{ patients: number; withDlt: number }> {
  const enrolled = [
    Prisma.sql`p."deleted_at" IS NULL`,
    Prisma.sql`p."enrollment_date" IS NOT NULL`,
    ...siteConditions(scope, {}, Prisma.sql`p."site_id"`),
  ];
  // One join over the grade 3+ events (their index), not a lookup per enrolled patient: 13-22 ms
  // against 76-100 ms at 10,000 patients (load 7), and it grows with the DLT candidates, not the patients.
  const [row] = await getPrisma().$queryRaw<{ patients: number; withDlt: number }[]>`
    SELECT (SELECT count(*)::int FROM "patients" p WHERE ${Prisma.join(enrolled, " AND ")}) AS "patients",
      (SELECT count(DISTINCT a."patient_id")::int
       FROM "adverse_events" a JOIN "patients" p ON p."id" = a."patient_id"
       WHERE ${Prisma.join(enrolled, " AND ")} AND a."grade" >= 3 AND a."onset_date" >= p."enrollment_date"
         AND (a."attribution_thalidomide" = ANY(${RELATED}::text[]) OR a."attribution_uft" = ANY(${RELATED}::text[]))
      ) AS "withDlt"`;
  return row!;
}
