import "server-only";
import type { PatientToxicity } from "@/lib/analysis/toxicity/patient-toxicity";
import { getPrisma } from "@/lib/db/prisma";
import { KeptRows, type RowChanges } from "./kept-rows";

/**
 * Every patient's toxicity in brief (lib/analysis/toxicity/patient-toxicity.ts), kept in the
 * process and brought up to date by reading only the patients whose row or forms were written
 * since the last read (lib/data/kept-rows.ts; the change_xid columns of migration
 * 20261211010000_toxicity_change_xids): without filters the toxicity dashboard and the API
 * then sum kept records instead of aggregating 280,000 adverse events and 5.6 million lab results
 * at 100,000 patients. The rules are those of lib/data/toxicity-aggregates.ts and toxicity-sql.ts
 * (a seriousness left unanswered is not serious; an SAE's clock runs until a report is recorded;
 * labs of grade 3 to 5 with a CTCAE term; treatment-emergent: onset on or after day 1).
 * lib/data/toxicity-store.integration.test.ts holds the sums to those statements.
 */
const FIELDS = [
  `CASE WHEN p."deleted_at" IS NULL THEN '1' END`,
  `p."id"::text`,
  `p."site_id"::text`,
  `CASE WHEN p."enrollment_date" IS NOT NULL THEN '1' END`,
  `ae."events"::text`,
  `ae."serious"::text`,
  `ae."open"`,
  `lab."grade3"::text`,
  // [[term, worst grade, SOC], ...]: JSON escapes every control character, so no separator occurs in it.
  `w."terms"`,
].map((sql) => `coalesce(${sql}, '')`);

async function readToxicityChanges(since: string | null): Promise<RowChanges<PatientToxicity>> {
  const which =
    since === null
      ? `SELECT "id" FROM "patients" WHERE "deleted_at" IS NULL`
      : ["patients", "crf_records", "adverse_events", "lab_results"]
          .map(
            (table) =>
              `SELECT ${table === "patients" ? `"id"` : `"patient_id"`} FROM "${table}" WHERE "change_xid" >= $1::bigint`,
          )
          .join(" UNION ");
  const [result] = await getPrisma().$queryRawUnsafe<
    { xmin: string; origin: string; members: number; rows: string | null }[]
  >(
    `WITH "which" AS MATERIALIZED (${which}),
    "ae" AS (
      SELECT a."patient_id", count(*) AS "events", count(*) FILTER (WHERE a."serious" IS TRUE) AS "serious",
        string_agg(to_char(a."aware_at", 'YYYY-MM-DD"T"HH24:MI'), ' ')
          FILTER (WHERE a."serious" IS TRUE AND a."reported_at" IS NULL AND a."aware_at" IS NOT NULL) AS "open"
      FROM "adverse_events" a WHERE a."patient_id" IN (SELECT "id" FROM "which") GROUP BY a."patient_id"
    ), "lab" AS (
      SELECT l."patient_id", count(*) AS "grade3" FROM "lab_results" l
      WHERE l."patient_id" IN (SELECT "id" FROM "which") AND l."grade" BETWEEN 3 AND 5 AND l."ctcae_term" IS NOT NULL
      GROUP BY l."patient_id"
    ), "per_term" AS (
      SELECT a."patient_id", a."term", max(a."grade") AS "grade", min(a."soc") AS "soc"
      FROM "adverse_events" a JOIN "patients" p ON p."id" = a."patient_id"
      WHERE a."patient_id" IN (SELECT "id" FROM "which") AND p."enrollment_date" IS NOT NULL
        AND a."onset_date" >= p."enrollment_date"
      GROUP BY a."patient_id", a."term"
    ), "w" AS (
      SELECT "patient_id", json_agg(json_build_array("term", "grade", "soc"))::text AS "terms" FROM "per_term" GROUP BY "patient_id"
    )
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS "xmin",
      concat_ws(' ', current_database(), pg_postmaster_start_time()::text) AS "origin",
      (SELECT count(*)::int FROM "patients" WHERE "deleted_at" IS NULL) AS "members",
      (SELECT string_agg(concat_ws(chr(31), ${FIELDS.join(", ")}), chr(30))
        FROM "patients" p JOIN "which" ON "which"."id" = p."id"
        LEFT JOIN "ae" ON "ae"."patient_id" = p."id" LEFT JOIN "lab" ON "lab"."patient_id" = p."id"
        LEFT JOIN "w" ON "w"."patient_id" = p."id") AS "rows"`,
    ...(since === null ? [] : [since]),
  );
  const rows = (result!.rows ? result!.rows.split("\u001e") : []).map((line) => {
    const [member, patientId, siteId, enrolled, events, serious, open, grade3, terms] = line.split(
      "\u001f",
    ) as string[];
    return {
      id: patientId!,
      value: member
        ? {
            patientId: patientId!,
            siteId: siteId!,
            enrolled: enrolled === "1",
            adverseEvents: Number(events),
            seriousAdverseEvents: Number(serious),
            openSaeAwareTimes: open ? open.split(" ") : [],
            labResultsGrade3Plus: Number(grade3),
            worst: terms
              ? (JSON.parse(terms) as [string, number | null, string | null][]).map(([term, grade, soc]) => ({
                  term,
                  grade,
                  soc,
                }))
              : [],
          }
        : null,
    };
  });
  return { xmin: result!.xmin, origin: result!.origin, members: result!.members, rows };
}

export class ToxicityStore {
  readonly rows = new KeptRows<PatientToxicity>(readToxicityChanges, {
    idOf: (p) => p.patientId,
    compare: (a, b) => (a.patientId < b.patientId ? -1 : a.patientId > b.patientId ? 1 : 0),
  });

  /** Every patient not deleted, at the given sites (every site when null). */
  async patients(siteIds: readonly string[] | null): Promise<readonly PatientToxicity[]> {
    const { ordered } = await this.rows.current();
    if (!siteIds) return ordered;
    const sites = new Set(siteIds);
    return ordered.filter((p) => sites.has(p.siteId));
  }
}

// On globalThis, as the Prisma client: Next bundles pages and route handlers separately.
const globalForToxicity = globalThis as unknown as { trialdeskToxicity?: ToxicityStore };
export const toxicityStore = (globalForToxicity.trialdeskToxicity ??= new ToxicityStore());
