import "server-only";
import { pregnancyLabel, PREGNANCY_ITEM_KEY } from "@/lib/analysis/toxicity/read-toxicity-records";
import { AE_ITEM_KEY, deriveReviewState, type ReviewDecision } from "@/lib/analysis/toxicity/review-state";
import { LAB_TESTS } from "@/lib/domain/ctcae/lab-criteria";
import type { ToxicityFilters } from "@/lib/domain/toxicity/toxicity-filters";
import { summarizeAdverseEvent } from "@/lib/forms/adverse-event-rules";
import { getPrisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewQueueItem } from "./toxicity-review";
import {
  adverseEventFrom,
  adverseEventWhere,
  isoDate,
  labResultFrom,
  labToxicityWhere,
  type SiteWhere,
} from "./toxicity-sql";
import { positivePregnancyWhere } from "./toxicity-items";

/**
 * The review queue's counts per state and the first items of each state, derived by PostgreSQL
 * over the typed tables: the candidates (grade 3+ or serious events, grade 3+ labs, positive
 * pregnancy tests) meet the latest review of each item in SQL, so the first request after a save
 * reads three counts and a few rows instead of every candidate with its record (4-8 s cold at
 * 10,000 patients: BENCHMARKS.md, session 7). The same candidates, order and states as the
 * whole queue (lib/data/toxicity-review.ts listToxicityReviewQueue, held to it by
 * lib/data/toxicity-review-queue.integration.test.ts). Callers check the permission.
 */
export interface ReviewQueueSummary {
  counts: { needsReview: number; escalated: number; reviewed: number };
  /** The first items of each state, in the queue's order (events, then labs, then pregnancy tests; by subject and entry). */
  needsReview: ReviewQueueItem[];
  escalated: ReviewQueueItem[];
  reviewed: ReviewQueueItem[];
}

type StateName = "needs-review" | "escalated" | "reviewed";

interface Row {
  state: StateName;
  total: number;
  part: number;
  recordId: string;
  recordVersion: number;
  itemKey: string;
  patientId: string;
  subjectId: string;
  siteCode: string;
  term: string | null;
  grade: number;
  serious: boolean;
  date: string;
  reviewDecision: ReviewDecision | null;
  reviewGrade: number | null;
  reviewSerious: boolean | null;
  reviewVersion: number | null;
  reviewComment: string | null;
  reviewerName: string | null;
  reviewedAt: Date | null;
}

const PART_FORM = ["adverse-event", "labs", "pregnancy-test"] as const;

/**
 * Each candidate: its part of the queue and place in it (record and lab test: the list's order),
 * what the review compares, and what the list shows. Without the record: a withdrawn form has no
 * typed rows and a record's site is its patient's (lib/data/toxicity-sql.ts), so only the few
 * listed candidates are joined to crf_records, for their version and entry order.
 */
function candidates(scope: SiteWhere, filters: ToxicityFilters): Prisma.Sql {
  const events = Prisma.sql`
    SELECT 0 AS "part", a."crf_record_id" AS "record_id", ${AE_ITEM_KEY}::text AS "item_key", 0 AS "pos", a."grade",
      (a."serious" IS TRUE) AS "serious", a."term", ${isoDate(Prisma.sql`a."onset_date"`)} AS "date",
      p."id" AS "patient_id", p."subject_id", p."site_id"
    FROM ${adverseEventFrom("patient")}
    WHERE ${adverseEventWhere(scope, filters, "patient", [Prisma.sql`(a."grade" >= 3 OR a."serious" IS TRUE)`])}`;
  const labs = Prisma.sql`
    SELECT 1, l."crf_record_id", 'lab:' || l."test"::text, array_position(${[...LAB_TESTS]}::text[], l."test"::text),
      l."grade", false, l."ctcae_term", ${isoDate(Prisma.sql`l."sample_date"`)}, p."id", p."subject_id", p."site_id"
    FROM ${labResultFrom("patient")}
    WHERE ${labToxicityWhere(scope, filters, "patient")}`;
  const pregnancyWhere = positivePregnancyWhere(scope, filters);
  if (!pregnancyWhere) return Prisma.sql`${events} UNION ALL ${labs}`;
  const pregnancies = Prisma.sql`
    SELECT 2, r."id", ${PREGNANCY_ITEM_KEY}::text, 0, 0, true, NULL, coalesce(r."data"->>'testDate', ''),
      p."id", p."subject_id", p."site_id"
    FROM "crf_records" r JOIN "patients" p ON p."id" = r."patient_id"
    WHERE ${pregnancyWhere}`;
  return Prisma.sql`${events} UNION ALL ${labs} UNION ALL ${pregnancies}`;
}

/**
 * Counts per state and the first `limit` items of each. A review counts when it is in the
 * caller's sites (as the whole queue reads them); the latest one per item decides the state, by
 * the rule of deriveReviewState (lib/analysis/toxicity/review-state.ts): none, a higher grade
 * now, or serious now and not then: needs review; else its decision.
 */
export async function loadReviewQueueSummary(
  scope: SiteWhere,
  filters: ToxicityFilters,
  limit: number,
): Promise<ReviewQueueSummary> {
  const reviewScope = scope.siteId ? Prisma.sql`WHERE v."site_id" = ANY(${scope.siteId.in}::uuid[])` : Prisma.empty;
  const shown = Math.max(limit, 1);
  const rows = await getPrisma().$queryRaw<Row[]>`
    WITH "c" AS (${candidates(scope, filters)}),
    "latest" AS (
      SELECT DISTINCT ON (v."record_id", v."item_key") v."record_id", v."item_key", v."decision"::text AS "decision",
        v."grade", v."serious", v."record_version", v."comment", v."reviewer_name", v."reviewed_at"
      FROM "toxicity_reviews" v ${reviewScope}
      ORDER BY v."record_id", v."item_key", v."id" DESC
    ), "judged" AS (
      SELECT "c".*, v."decision", v."grade" AS "review_grade", v."serious" AS "review_serious",
        v."record_version" AS "review_version", v."comment", v."reviewer_name", v."reviewed_at",
        CASE WHEN v."record_id" IS NULL OR "c"."grade" > v."grade" OR ("c"."serious" AND NOT v."serious") THEN 'needs-review'
             WHEN v."decision" = 'ESCALATED' THEN 'escalated' ELSE 'reviewed' END AS "state"
      FROM "c" LEFT JOIN "latest" v ON v."record_id" = "c"."record_id" AND v."item_key" = "c"."item_key"
    ), "by_subject" AS (
      SELECT "judged".*, count(*) OVER (PARTITION BY "state")::int AS "total",
        row_number() OVER (PARTITION BY "state" ORDER BY "part", "subject_id") AS "n0"
      FROM "judged"
    ), "cut" AS (
      -- Per state, the part and subject of its shown-th candidate: the first items are among those up to it.
      SELECT DISTINCT ON ("state") "state", "part", "subject_id" FROM "by_subject" WHERE "n0" <= ${shown}
      ORDER BY "state", "n0" DESC
    ), "ranked" AS (
      SELECT k.*, r."version", row_number() OVER (
          PARTITION BY k."state" ORDER BY k."part", k."subject_id", r."created_at", k."record_id", k."pos") AS "n"
      FROM "by_subject" k JOIN "cut" ON "cut"."state" = k."state"
        AND (k."part", k."subject_id") <= ("cut"."part", "cut"."subject_id")
      JOIN "crf_records" r ON r."id" = k."record_id"
    )
    SELECT k."state", k."total", k."part", k."record_id"::text AS "recordId", k."version" AS "recordVersion",
      k."item_key" AS "itemKey", k."patient_id"::text AS "patientId", k."subject_id" AS "subjectId",
      s."code" AS "siteCode", k."term", k."grade", k."serious", k."date",
      k."decision" AS "reviewDecision", k."review_grade" AS "reviewGrade", k."review_serious" AS "reviewSerious",
      k."review_version" AS "reviewVersion",
      k."comment" AS "reviewComment", k."reviewer_name" AS "reviewerName", k."reviewed_at" AS "reviewedAt"
    FROM "ranked" k JOIN "sites" s ON s."id" = k."site_id"
    WHERE k."n" <= ${shown}
    ORDER BY k."state", k."n"`;
  const summary: ReviewQueueSummary = {
    counts: { needsReview: 0, escalated: 0, reviewed: 0 },
    needsReview: [],
    escalated: [],
    reviewed: [],
  };
  for (const row of rows) {
    const part = row.state === "needs-review" ? "needsReview" : row.state;
    summary.counts[part] = row.total;
    if (summary[part].length < limit) summary[part].push(toItem(row));
  }
  return summary;
}

function toItem(row: Row): ReviewQueueItem {
  const last =
    row.reviewDecision === null
      ? null
      : {
          decision: row.reviewDecision,
          comment: row.reviewComment!,
          reviewerName: row.reviewerName!,
          reviewedAt: row.reviewedAt!.toISOString(),
          grade: row.reviewGrade!,
          serious: row.reviewSerious!,
        };
  const formType = PART_FORM[row.part]!;
  const label =
    formType === "adverse-event"
      ? summarizeAdverseEvent(row.term!, row.grade, row.serious)
      : formType === "labs"
        ? `${row.term}, grade ${row.grade} (lab)`
        : pregnancyLabel(row.date);
  return {
    recordId: row.recordId,
    recordVersion: row.recordVersion,
    formType,
    itemKey: row.itemKey,
    patientId: row.patientId,
    subjectId: row.subjectId,
    siteCode: row.siteCode,
    label,
    grade: row.grade,
    serious: row.serious,
    date: row.date,
    state: deriveReviewState(
      { recordVersion: row.recordVersion, grade: row.grade, serious: row.serious },
      last && { ...last, recordVersion: row.reviewVersion! },
    ),
    lastReview: last,
  };
}
