import "server-only";
import type { SiteScope } from "@/lib/auth/actor";
import { compareText } from "@/lib/analysis/compare-text";
import {
  countScheduleFacts,
  type PatientCounts,
  type ScheduleFacts,
  type ScheduleRule,
} from "@/lib/analysis/schedule-counts";
import { getPrisma } from "@/lib/db/prisma";
import { parseIsoDateToDayNumber } from "@/lib/domain/iso-date";
import { assertIsoDateStyle } from "./date-style";
import { compareIds, KeptRows, type RowChanges } from "./kept-rows";
import { STUDY_ID } from "./study-settings";

/**
 * Every patient's schedule facts kept in the process (lib/data/kept-rows.ts): after a save the
 * data-quality page and the home work-lists read that patient's row, not 100,000 of them
 * (loadPatientCounts' statement took 0.9 s of PostgreSQL and 0.5 s of parsing at 100,000
 * patients: BENCHMARKS.md, session 9), and count every patient's forms of the day in the process
 * (lib/analysis/schedule-counts.ts). lib/data/schedule-facts-store.integration.test.ts compares
 * the counts with loadPatientCounts' after saves, withdrawals, enrollments and a deletion.
 */
const FIELD = "\u001f";
const ROW = "\u001e";

/** A patient's fields, in toFacts' order: text, '' for NULL; free text JSON-encoded (no separator occurs in it). */
const FIELDS = [
  `CASE WHEN p."deleted_at" IS NULL AND f."patient_id" IS NOT NULL THEN '1' END`,
  `p."id"::text`,
  `to_json(p."subject_id")::text`,
  `p."site_id"::text`,
  `to_json(st."code")::text`,
  `f."enrollment_date"::text`,
  `f."schedule_end"::text`,
  `f."first_gap_due"::text`,
  `f."unsigned_forms"::text`,
  `f."unverified_forms"::text`,
  `f."verified_forms"::text`,
  `f."baseline_missing_labs"::text`,
  `array_to_string(f."recorded_due", ' ')`,
].map((sql) => `coalesce(${sql}, '')`);

const orNull = (value: string) => (value === "" ? null : value);

function toFacts(values: string[]): ScheduleFacts {
  const [, patientId, subjectId, siteId, siteCode, enrollment, end, gap, unsigned, unverified, verified, labs, due] =
    values as [string, ...string[]];
  return {
    patientId: patientId!,
    subjectId: JSON.parse(subjectId!) as string,
    siteId: siteId!,
    siteCode: JSON.parse(siteCode!) as string,
    enrollmentDate: orNull(enrollment!),
    scheduleEnd: orNull(end!),
    firstGapDue: orNull(gap!),
    unsigned: Number(unsigned),
    unverified: Number(unverified),
    verified: Number(verified),
    baselineMissingLabs: Number(labs),
    recordedDue: Int32Array.from(due ? due.split(" ") : [], (date) => parseIsoDateToDayNumber(date)),
  };
}

/** The patients whose facts or patient row were written since `since` (every patient when null), with the schedule. */
async function readScheduleFactChanges(since: string | null): Promise<RowChanges<ScheduleFacts> & { rule: string }> {
  const which =
    since === null
      ? `p."deleted_at" IS NULL`
      : // An array, not IN (subquery), as in analysis-cohort.ts: the planner then finds each changed
        // patient by its primary key whatever it guesses of change_xid.
        `p."id" = ANY (ARRAY(SELECT "id" FROM "patients" WHERE "change_xid" >= $1::bigint
          UNION SELECT "patient_id" FROM "patient_schedule_facts" WHERE "change_xid" >= $1::bigint))`;
  const [result] = await getPrisma().$queryRawUnsafe<
    { xmin: string; origin: string; members: number; rule: string; rows: string | null }[]
  >(
    `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS "xmin",
      concat_ws(' ', current_database(), pg_postmaster_start_time()::text,
        (SELECT string_agg(s."id"::text || ' ' || s."code", ',' ORDER BY s."id") FROM "sites" s)) AS "origin",
      (SELECT count(*)::int FROM "patient_schedule_facts" f JOIN "patients" p ON p."id" = f."patient_id"
        WHERE p."deleted_at" IS NULL) AS "members",
      (SELECT concat_ws(' ', "window_days", "visit_interval_days", "imaging_interval_days" / "visit_interval_days",
          jsonb_array_length("visit_forms"), jsonb_array_length("imaging_forms"))
        FROM "study_settings" WHERE "id" = ${STUDY_ID}) AS "rule",
      (SELECT string_agg(concat_ws(chr(31), ${FIELDS.join(", ")}), chr(30))
        FROM "patients" p JOIN "sites" st ON st."id" = p."site_id"
        LEFT JOIN "patient_schedule_facts" f ON f."patient_id" = p."id"
        WHERE ${which}) AS "rows"`,
    ...(since === null ? [] : [since]),
  );
  const rows = (result!.rows ? result!.rows.split(ROW) : []).map((line) => {
    const values = line.split(FIELD);
    return { id: values[1]!, value: values[0] ? toFacts(values) : null };
  });
  assertIsoDateStyle(rows.find((row) => row.value?.enrollmentDate)?.value?.enrollmentDate);
  return { xmin: result!.xmin, origin: result!.origin, members: result!.members, rule: result!.rule, rows };
}

/** Kept facts and the schedule read with them (a schedule change rewrites every patient's facts). */
export class ScheduleFactsStore {
  private rule: ScheduleRule | null = null;
  readonly rows = new KeptRows<ScheduleFacts>(
    async (since) => {
      const read = await readScheduleFactChanges(since);
      const [windowDays, visitIntervalDays, imagingEvery, visitForms, imagingForms] = read.rule.split(" ").map(Number);
      this.rule = {
        windowDays: windowDays!,
        visitIntervalDays: visitIntervalDays!,
        imagingEvery: imagingEvery!,
        visitForms: visitForms!,
        imagingForms: imagingForms!,
      };
      return read;
    },
    {
      idOf: (facts) => facts.patientId,
      compare: (a, b) => compareText(a.subjectId, b.subjectId) || compareIds(a.patientId, b.patientId),
    },
  );

  /** Every patient (not deleted) at the scope's sites, counted on `today`, by subject ID. */
  async counts(scope: SiteScope, today: string): Promise<PatientCounts[]> {
    if (scope.kind === "none") return [];
    const { ordered } = await this.rows.current();
    const rule = this.rule!;
    const day = parseIsoDateToDayNumber(today);
    const siteIds = scope.kind === "sites" ? new Set(scope.siteIds) : null;
    const counts: PatientCounts[] = [];
    for (const facts of ordered)
      if (!siteIds || siteIds.has(facts.siteId)) counts.push(countScheduleFacts(facts, rule, day));
    return counts;
  }
}

// On globalThis, as the Prisma client: Next bundles pages and route handlers separately.
const globalForFacts = globalThis as unknown as { trialdeskScheduleFacts?: ScheduleFactsStore };
export const scheduleFactsStore = (globalForFacts.trialdeskScheduleFacts ??= new ScheduleFactsStore());
