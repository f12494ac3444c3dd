import "server-only";
import { scopeOf, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import type { AdverseEventFacts, LabToxicityFacts } from "@/lib/analysis/toxicity/read-toxicity-records";
import { LAB_TESTS } from "@/lib/domain/ctcae/lab-criteria";
import type { ToxicityFilters } from "@/lib/domain/toxicity/toxicity-filters";
import { computeSaeReportDueAt, summarizeAdverseEvent } from "@/lib/forms/adverse-event-rules";
import { getPrisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  adverseEventFrom,
  adverseEventWhere,
  isoDate,
  labResultFrom,
  labToxicityWhere,
  localDateTime,
  siteConditions,
  type SiteWhere,
} from "./toxicity-sql";

/**
 * Loading adverse events and grade 3+ lab results across sites for the toxicity review, from
 * the typed tables (adverse_events, lab_results: written by the save path in the save's
 * transaction, lib/data/projections.ts) with the filtering in SQL.
 * Not exported to pages: lib/data/toxicity.ts and lib/data/toxicity-review.ts check the
 * caller's permission and pass the site filter in.
 */
export type { SiteWhere };

/** The sites where the actor holds any of the permissions, as a where fragment; null: none. */
export function siteFilterForAny(actor: Actor, permissions: readonly Permission[]): SiteWhere | null {
  const scopes = permissions.map((p) => scopeOf(actor, p));
  if (scopes.some((s) => s.kind === "all")) return {};
  const siteIds = [...new Set(scopes.flatMap((s) => (s.kind === "sites" ? s.siteIds : [])))].sort();
  return siteIds.length ? { siteId: { in: siteIds } } : null;
}

export interface RecordContext {
  recordId: string;
  recordVersion: number;
  patientId: string;
  subjectId: string;
  siteId: string;
  siteCode: string;
  enrollmentDate: string | null;
}

export type AdverseEventItem = RecordContext & AdverseEventFacts;
export type LabToxicityItem = RecordContext & LabToxicityFacts & { visitKey: string | null };

type Db = Prisma.TransactionClient;

const CONTEXT_COLUMNS = Prisma.sql`r."id" AS "recordId", r."version" AS "recordVersion", p."id" AS "patientId",
  p."subject_id" AS "subjectId", r."site_id" AS "siteId",
  (SELECT s."code" FROM "sites" s WHERE s."id" = p."site_id") AS "siteCode",
  ${isoDate(Prisma.sql`p."enrollment_date"`)} AS "enrollmentDate"`;

// As the lists always were: by patient, then in the order the forms were entered.
const RECORD_ORDER = Prisma.sql`p."subject_id", r."created_at", r."id"`;

interface AdverseEventRow extends RecordContext {
  term: string;
  soc: string | null;
  grade: number;
  serious: boolean | null;
  onsetDate: string;
  thalidomide: string | null;
  uft: string | null;
  awareAt: string | null;
  reportedAt: string | null;
}

/**
 * An adverse_events row as the review shows it. What the form computes at save (seriousness,
 * the SAE report's due time, the one-line summary) is derived with the form's own rules
 * (lib/forms/adverse-event-rules.ts) from the typed columns.
 */
function toAdverseEventItem(row: AdverseEventRow): AdverseEventItem {
  const { thalidomide, uft, awareAt, reportedAt, serious: answered, ...rest } = row;
  const serious = answered === true;
  return {
    ...rest,
    serious,
    attribution: { thalidomide, uft },
    saeReportDueAt: serious && awareAt ? computeSaeReportDueAt(awareAt) : null,
    saeReportedAt: serious ? reportedAt : null,
    summary: summarizeAdverseEvent(row.term, row.grade, serious),
  };
}

export interface AdverseEventQuery {
  /** Only what the review queue tracks: grade 3 or more, or serious (lib/analysis/toxicity/review-state.ts isReviewable). */
  reviewable?: boolean;
  /**
   * Only what home's safety lists read (lib/analysis/work-list.ts buildSafetyWorkLists): serious
   * events (their report clock) and every event of a patient with a grade 3+ lab result (matched
   * by term), not the site's every event.
   */
  safetyWork?: boolean;
  /** At most this many, in list order. */
  limit?: number;
}

/** Adverse events matching the filters, filtered in the database, by site and subject. */
export async function loadAdverseEvents(
  scope: SiteWhere,
  filters: ToxicityFilters,
  db: Db = getPrisma(),
  query: AdverseEventQuery = {},
): Promise<AdverseEventItem[]> {
  const extra = query.reviewable ? [Prisma.sql`(a."grade" >= 3 OR a."serious" IS TRUE)`] : [];
  if (query.safetyWork)
    extra.push(Prisma.sql`(a."serious" IS TRUE OR a."patient_id" IN (
      SELECT l."patient_id" FROM "lab_results" l WHERE l."grade" >= 3 AND l."ctcae_term" IS NOT NULL))`);
  const rows = await db.$queryRaw<AdverseEventRow[]>`
    SELECT ${CONTEXT_COLUMNS}, a."term", a."soc", a."grade", a."serious", ${isoDate(Prisma.sql`a."onset_date"`)} AS "onsetDate",
      a."attribution_thalidomide" AS "thalidomide", a."attribution_uft" AS "uft",
      ${localDateTime(Prisma.sql`a."aware_at"`)} AS "awareAt", ${localDateTime(Prisma.sql`a."reported_at"`)} AS "reportedAt"
    FROM ${adverseEventFrom("record")}
    WHERE ${adverseEventWhere(scope, filters, "record", extra)}
    ORDER BY ${RECORD_ORDER}
    ${query.limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${query.limit}`}`;
  return rows.map(toAdverseEventItem);
}

/**
 * Lab results of grade 3 or more matching the filters, by patient, record and the panel's
 * order of tests (the order the labs form lists its grade 3+ results in).
 */
export async function loadLabToxicities(
  scope: SiteWhere,
  filters: ToxicityFilters,
  query: { limit?: number } = {},
): Promise<LabToxicityItem[]> {
  return getPrisma().$queryRaw<LabToxicityItem[]>`
    SELECT ${CONTEXT_COLUMNS}, r."visit_key" AS "visitKey", l."test"::text AS "test", l."ctcae_term" AS "term",
      l."grade", ${isoDate(Prisma.sql`l."sample_date"`)} AS "sampleDate"
    FROM ${labResultFrom("record")}
    WHERE ${labToxicityWhere(scope, filters, "record")}
    ORDER BY ${RECORD_ORDER}, array_position(${[...LAB_TESTS]}::text[], l."test"::text)
    ${query.limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${query.limit}`}`;
}

/** Enrolled patients (day 1 of treatment recorded) in scope: the safety denominator. */
export async function loadEnrolledPatientIds(
  scope: SiteWhere,
  filters: ToxicityFilters,
  db: Db = getPrisma(),
): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "patients" p
    WHERE ${Prisma.join(
      [
        Prisma.sql`p."deleted_at" IS NULL`,
        Prisma.sql`p."enrollment_date" IS NOT NULL`,
        ...siteConditions(scope, filters, Prisma.sql`p."site_id"`),
      ],
      " AND ",
    )}`;
  return rows.map((row) => row.id);
}

/** A positive pregnancy test under thalidomide: serious by definition (Thalomid REMS), reviewed like an SAE. */
export type PregnancyItem = RecordContext & { testDate: string };

/**
 * Which pregnancy-test records (`r`, with their patient `p`) are positive tests in the scope and
 * the filters' dates, or null when the filters leave every one out: a pregnancy test carries no
 * CTCAE term, grade or attribution. It has no typed table: its answers come from the record of capture.
 */
export function positivePregnancyWhere(scope: SiteWhere, filters: ToxicityFilters): Prisma.Sql | null {
  if (filters.term || filters.grade || filters.thalidomide || filters.uft || filters.serious === "no") return null;
  const and = [
    Prisma.sql`r."form_type" = 'pregnancy-test'`,
    Prisma.sql`p."deleted_at" IS NULL`,
    Prisma.sql`r."deleted_at" IS NULL`,
    Prisma.sql`r."data"->>'result' = 'positive'`,
    ...siteConditions(scope, filters, Prisma.sql`r."site_id"`),
  ];
  if (filters.onsetFrom) and.push(Prisma.sql`r."data"->>'testDate' >= ${filters.onsetFrom}`);
  if (filters.onsetTo) and.push(Prisma.sql`r."data"->>'testDate' <= ${filters.onsetTo}`);
  return Prisma.join(and, " AND ");
}

/**
 * Positive pregnancy tests in the scope, for the review queue. They carry no CTCAE term or grade,
 * so a term, grade or attribution filter leaves them out; the site and date filters apply.
 */
export async function loadPositivePregnancyTests(scope: SiteWhere, filters: ToxicityFilters): Promise<PregnancyItem[]> {
  const where = positivePregnancyWhere(scope, filters);
  if (!where) return [];
  return getPrisma().$queryRaw<PregnancyItem[]>`
    SELECT ${CONTEXT_COLUMNS}, coalesce(r."data"->>'testDate', '') AS "testDate"
    FROM "crf_records" r JOIN "patients" p ON p."id" = r."patient_id"
    WHERE ${where}
    ORDER BY ${RECORD_ORDER}`;
}
