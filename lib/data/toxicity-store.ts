import "server-only";
import type { PatientToxicity } from "@/lib/analysis/toxicity/patient-toxicity";
import { getPrisma } from "@/lib/db/prisma";
import { compareIds, KeptRows, type RowChanges } from "./kept-rows";

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

// One patient's adverse events counted, lab results of grade 3 to 5 with a term, and worst grade per
// term of the treatment-emergent events (onset on or after day 1), given the patients' rows `p`.
const EVENT_COUNTS = `count(*) AS "events", count(*) FILTER (WHERE a."serious" IS TRUE) AS "serious",
  string_agg(to_char(a."aware_at", 'YYYY-MM-DD"T"HH24:MI'), ' ')
    FILTER (WHERE a."serious" IS TRUE AND a."reported_at" IS NULL AND a."aware_at" IS NOT NULL) AS "open"`;
const GRADE_3_LABS = `l."grade" BETWEEN 3 AND 5 AND l."ctcae_term" IS NOT NULL`;
const PER_TERM = `SELECT a."patient_id", a."term", max(a."grade") AS "grade", min(a."soc") AS "soc"
  FROM "adverse_events" a JOIN "patients" pt ON pt."id" = a."patient_id"
  WHERE pt."enrollment_date" IS NOT NULL AND a."onset_date" >= pt."enrollment_date"`;
const TERMS = `json_agg(json_build_array("term", "grade", "soc"))::text AS "terms"`;

/**
 * Every patient not deleted, the tables grouped whole (one pass over 280,000 events and the grade
 * 3+ lab results' index at 100,000 patients); or the patients with a row written since `since`,
 * each looked up by its own index entries (a plan that does not hang on the planner's estimate of
 * how many patients changed).
 */
const FROM_ALL = `"patients" p
  LEFT JOIN (SELECT a."patient_id", ${EVENT_COUNTS} FROM "adverse_events" a GROUP BY a."patient_id") ae
    ON ae."patient_id" = p."id"
  LEFT JOIN (SELECT l."patient_id", count(*) AS "grade3" FROM "lab_results" l WHERE ${GRADE_3_LABS} GROUP BY l."patient_id") lab
    ON lab."patient_id" = p."id"
  LEFT JOIN (SELECT "patient_id", ${TERMS} FROM (${PER_TERM} GROUP BY a."patient_id", a."term") t GROUP BY "patient_id") w
    ON w."patient_id" = p."id"
  WHERE p."deleted_at" IS NULL`;
// The changed patients as an array, not IN (subquery), as in analysis-cohort.ts: each is then
// found by its primary key whatever the planner guesses of change_xid.
const FROM_CHANGED = `"patients" p
  LEFT JOIN LATERAL (SELECT ${EVENT_COUNTS} FROM "adverse_events" a WHERE a."patient_id" = p."id") ae ON true
  LEFT JOIN LATERAL (SELECT count(*) AS "grade3" FROM "lab_results" l WHERE ${GRADE_3_LABS} AND l."patient_id" = p."id") lab
    ON true
  LEFT JOIN LATERAL (SELECT ${TERMS} FROM (${PER_TERM} AND a."patient_id" = p."id" GROUP BY a."patient_id", a."term") t) w ON true
  WHERE p."id" = ANY (ARRAY(${["patients", "crf_records", "adverse_events", "lab_results"]
    .map(
      (table) =>
        `SELECT ${table === "patients" ? `"id"` : `"patient_id"`} FROM "${table}" WHERE "change_xid" >= $1::bigint`,
    )
    .join(" UNION ")}))`;

async function readToxicityChanges(since: string | null): Promise<RowChanges<PatientToxicity>> {
  const [result] = await getPrisma().$queryRawUnsafe<
    { xmin: string; origin: string; members: number; rows: string | null }[]
  >(
    `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS "xmin",
      concat_ws(' ', current_database(), pg_postmaster_start_time()::text) AS "origin",
      (SELECT count(*)::int FROM "patients" WHERE "deleted_at" IS NULL) AS "members",
      (SELECT string_agg(concat_ws(chr(31), ${FIELDS.join(", ")}), chr(30))
        FROM ${since === null ? FROM_ALL : FROM_CHANGED}) AS "rows"`,
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
    compare: (a, b) => compareIds(a.patientId, b.patientId),
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
