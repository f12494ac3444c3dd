import "server-only";
import type { SiteScope } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PatientCounts } from "@/lib/analysis/schedule-counts";
import { cachedForVersion } from "./cached-by-version";
import { assertIsoDateStyle } from "./date-style";
import { scheduleFactsStore } from "./schedule-facts-store";
import { STUDY_ID } from "./study-settings";

export type { PatientCounts } from "@/lib/analysis/schedule-counts";

/** Each patient's fields in the document loadPatientCounts reads (text, '' for NULL), in toPatientCounts' order. */
const COLUMNS = [
  `"patient_id"::text`,
  // Subject IDs and site codes are free text: JSON-encoded, so neither separator occurs in them.
  `to_json("subject_id")::text`,
  `"site_id"::text`,
  `to_json("site_code")::text`,
  `("unrecorded" - "overdue")::text`,
  `"overdue"::text`,
  `(CASE WHEN "enrollment_date" > "today" + 7 THEN 0 ELSE "unrecorded" - "overdue" END)::text`,
  `"unsigned_forms"::text`,
  `"unverified_forms"::text`,
  `"verified_forms"::text`,
  `"baseline_missing_labs"::text`,
  // Dates as PostgreSQL's own text, ISO under the default DateStyle (checked below): to_char per
  // date was a fifth of the statement's time at 100,000 patients.
  `"enrollment_date"::text`,
  `"schedule_end"::text`,
  `"first_gap_due"::text`,
  `("enrollment_date" + ("listed_until" - "enrollment_date") / "i" * "i")::text`,
];

const orNull = (value: string | undefined) => (value ? value : null);

/** One patient's line of that document: an object literal, as 100,000 of them are read per request. */
function toPatientCounts(line: string): PatientCounts {
  const v = line.split("\u001f");
  return {
    patientId: v[0]!,
    subjectId: JSON.parse(v[1]!) as string,
    siteId: v[2]!,
    siteCode: JSON.parse(v[3]!) as string,
    missing: Number(v[4]),
    overdue: Number(v[5]),
    dueThisWeek: Number(v[6]),
    unsigned: Number(v[7]),
    unverified: Number(v[8]),
    verified: Number(v[9]),
    baselineMissingLabs: Number(v[10]),
    enrollmentDate: orNull(v[11]),
    scheduleEnd: orNull(v[12]),
    firstGapDue: orNull(v[13]),
    currentVisitDue: orNull(v[14]),
  };
}

/**
 * Every patient (not deleted) at the scope's sites with anything to count on `today`, or with
 * an open query or a field verification (counted by their own readers). One statement:
 * the expected forms up to a day are arithmetic on the schedule (visits every interval from
 * day 1, imaging every m-th visit), the recorded ones a count over the patient's sorted due
 * dates (a binary search). 10,000 patients: one scan of the facts and one row each. The pages
 * count from the facts kept in the process instead (keptPatientCounts below); this statement is
 * what their test compares them with, and what bench/schedule-facts-profile.ts times.
 */
export async function loadPatientCounts(scope: SiteScope, today: string): Promise<PatientCounts[]> {
  if (scope.kind === "none") return [];
  const siteIds = scope.kind === "sites" ? scope.siteIds : [];
  const rows = await getPrisma().$queryRaw<{ rows: string | null }[]>`
    WITH "s" AS (
      SELECT "window_days" AS "w", "visit_interval_days" AS "i", "imaging_interval_days" / "visit_interval_days" AS "m",
             jsonb_array_length("visit_forms") AS "nv", jsonb_array_length("imaging_forms") AS "ni"
      FROM "study_settings" WHERE "id" = ${STUDY_ID}
    ), "b" AS (
      SELECT f.*, p."subject_id", p."site_id", st."code" AS "site_code", s.*,
             ${today}::date AS "today", LEAST(${today}::date, coalesce(f."schedule_end", ${today}::date)) AS "u"
      FROM "patient_schedule_facts" f
      JOIN "patients" p ON p."id" = f."patient_id" AND p."deleted_at" IS NULL
      JOIN "sites" st ON st."id" = p."site_id" CROSS JOIN "s"
      WHERE (${scope.kind === "all"} OR p."site_id" = ANY(${siteIds}::uuid[]))
    ), "c" AS (
      -- Overdue: due on or before cut (the window ended before the schedule's last day);
      -- listed: due on or before the schedule's last day (day 1 always).
      SELECT "b".*, "u" - "w" - 1 AS "cut", GREATEST("u", "enrollment_date") AS "listed_until" FROM "b"
    ), "n" AS (
      SELECT "c".*,
             CASE WHEN "enrollment_date" IS NULL OR "cut" < "enrollment_date" THEN 0 ELSE ("cut" - "enrollment_date") / "i" + 1 END AS "visits_cut",
             CASE WHEN "enrollment_date" IS NULL THEN 0 ELSE ("listed_until" - "enrollment_date") / "i" + 1 END AS "visits_listed",
             -- recorded_due is sorted: width_bucket counts the dates on or before a day by binary search
             -- (an unnest per patient was 0.5 s at 10,000 patients: BENCHMARKS.md, session 7).
             width_bucket("cut", "recorded_due") AS "recorded_cut",
             width_bucket("listed_until", "recorded_due") AS "recorded_listed"
      FROM "c"
    ), "x" AS (
      SELECT "n".*,
             "visits_cut" * "nv" + GREATEST("visits_cut" - 1, 0) / "m" * "ni" - "recorded_cut" AS "overdue",
             "visits_listed" * "nv" + GREATEST("visits_listed" - 1, 0) / "m" * "ni" - "recorded_listed" AS "unrecorded"
      FROM "n"
    )
    -- One text document (fields by chr(31), patients by chr(30)), as the analysis cohort reads its
    -- rows: at 10,000 patients mapping each row to an object through the client cost more than the query.
    SELECT string_agg(concat_ws(chr(31), ${Prisma.raw(COLUMNS.map((sql) => `coalesce(${sql}, '')`).join(", "))}), chr(30) ORDER BY "subject_id") AS "rows"
    FROM "x"
    WHERE "unrecorded" > 0 OR "unsigned_forms" > 0 OR "unverified_forms" > 0 OR "verified_forms" > 0
       OR "baseline_missing_labs" > 0
       OR EXISTS (SELECT 1 FROM "data_queries" q WHERE q."patient_id" = "x"."patient_id" AND q."status" IN ('OPEN', 'ANSWERED'))
       OR EXISTS (SELECT 1 FROM "field_verifications" v WHERE v."patient_id" = "x"."patient_id")`;
  // By subject (the order above): the readers sort by subject ID again in their collation, which is then one pass.
  const document = rows[0]?.rows;
  if (!document) return [];
  const counts = document.split("\u001e").map(toPatientCounts);
  assertIsoDateStyle(counts.find((c) => c.enrollmentDate)?.enrollmentDate);
  return counts;
}

/**
 * Every patient's counts on a day, under a data version the caller has read: from the facts kept
 * in the process (lib/data/schedule-facts-store.ts), which read only the patients written since
 * their last read. The PI's and the monitor's home ask for the same counts twice at once (their
 * work-lists and the data-quality figures) and share one computation. Every patient not deleted
 * is listed, those with nothing to count too (loadPatientCounts leaves them out): the readers
 * count what is above zero.
 */
export function keptPatientCounts(scope: SiteScope, today: string, version: string): Promise<PatientCounts[]> {
  return cachedForVersion(`patient-counts|${JSON.stringify(scope)}|${today}`, version, () =>
    scheduleFactsStore.counts(scope, today),
  );
}

/**
 * Recomputes every patient's facts from the saved forms (the triggers keep them; this is the
 * rebuild of `npm run projections:rebuild`, and what a test compares them with).
 */
export async function rebuildScheduleFacts(tx: {
  $executeRawUnsafe: (query: string) => Promise<number>;
}): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT "refresh_patient_schedule_facts"(ARRAY(SELECT "id" FROM "patients"))`);
}
