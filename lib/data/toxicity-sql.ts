import "server-only";
import { attributionValues, gradeBounds, type ToxicityFilters } from "@/lib/domain/toxicity/toxicity-filters";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The toxicity filters (lib/domain/toxicity/toxicity-filters.ts) as SQL over the typed tables
 * (adverse_events `a`, lab_results `l`, with their patient `p` and, to list, record `r`): the
 * database does the filtering, with the indexes the typed tables carry. The integration tests
 * hold these conditions to the pure predicates (lib/data/toxicity.integration.test.ts) and to
 * the JSON computation they replace (lib/data/toxicity-typed.integration.test.ts).
 */
export type SiteWhere = { siteId?: { in: string[] } };

/** The caller's sites (on the record, as the record-of-capture reads did) and the site filter (by code). */
export function siteConditions(scope: SiteWhere, filters: ToxicityFilters, siteColumn: Prisma.Sql): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (scope.siteId) conditions.push(Prisma.sql`${siteColumn} = ANY(${scope.siteId.in}::uuid[])`);
  if (filters.site)
    conditions.push(Prisma.sql`p."site_id" IN (SELECT s2."id" FROM "sites" s2 WHERE s2."code" = ${filters.site})`);
  return conditions;
}

/**
 * A query lists rows with their record (version, visit, entry order) or only counts them. A
 * withdrawn form has no typed rows (lib/data/projections.ts) and a record's site is its
 * patient's (copied at entry), so counting needs neither the record nor its deleted_at: at
 * 100,000 patients the join to crf_records would be most of a count's cost.
 */
export type Join = "record" | "patient";

const liveConditions = (join: Join) =>
  join === "record"
    ? [Prisma.sql`p."deleted_at" IS NULL`, Prisma.sql`r."deleted_at" IS NULL`]
    : [Prisma.sql`p."deleted_at" IS NULL`];
const siteColumnOf = (join: Join) => (join === "record" ? Prisma.sql`r."site_id"` : Prisma.sql`p."site_id"`);

/**
 * The caller's sites and the site filter. Listing with the record, the sites are said of the
 * patient too (the record's site is its patient's, copied at entry): the planner then narrows the
 * rows by patient before it fetches their records, where it read all of a site's records to join
 * them (the investigator's safety work-list at 100,000 patients: 120,000 records for 6,800 events).
 */
const scopeConditions = (scope: SiteWhere, filters: ToxicityFilters, join: Join) => [
  ...siteConditions(scope, filters, siteColumnOf(join)),
  ...(join === "record" && scope.siteId ? [Prisma.sql`p."site_id" = ANY(${scope.siteId.in}::uuid[])`] : []),
];

const ATTRIBUTION_COLUMNS = {
  thalidomide: Prisma.raw(`a."attribution_thalidomide"`),
  uft: Prisma.raw(`a."attribution_uft"`),
} as const;

/** The adverse_events table `a` with its patient `p` and, to list, its record `r`. */
export const adverseEventFrom = (join: Join) =>
  join === "record"
    ? Prisma.sql`"adverse_events" a JOIN "crf_records" r ON r."id" = a."crf_record_id" JOIN "patients" p ON p."id" = a."patient_id"`
    : Prisma.sql`"adverse_events" a JOIN "patients" p ON p."id" = a."patient_id"`;

/** Adverse events matching the filters, in the caller's sites. */
export function adverseEventWhere(
  scope: SiteWhere,
  filters: ToxicityFilters,
  join: Join,
  extra: Prisma.Sql[] = [],
): Prisma.Sql {
  const and = [...liveConditions(join), ...scopeConditions(scope, filters, join), ...extra];
  if (filters.term) and.push(Prisma.sql`a."term" = ${filters.term}`);
  if (filters.grade) {
    const { min, max } = gradeBounds(filters.grade);
    and.push(Prisma.sql`a."grade" BETWEEN ${min} AND ${max}`);
  }
  // A seriousness left unanswered is not serious (as the form's computed value says). IS [NOT] TRUE
  // rather than coalesce(): the planner estimates it from the column's statistics (2,252 of 27,927
  // events at 10,000 patients) and looks the records up by key instead of reading every form.
  if (filters.serious)
    and.push(filters.serious === "yes" ? Prisma.sql`a."serious" IS TRUE` : Prisma.sql`a."serious" IS NOT TRUE`);
  for (const drug of ["thalidomide", "uft"] as const) {
    const filter = filters[drug];
    if (filter) and.push(Prisma.sql`${ATTRIBUTION_COLUMNS[drug]} = ANY(${[...attributionValues(filter)]}::text[])`);
  }
  if (filters.onsetFrom) and.push(Prisma.sql`a."onset_date" >= ${filters.onsetFrom}::date`);
  if (filters.onsetTo) and.push(Prisma.sql`a."onset_date" <= ${filters.onsetTo}::date`);
  return Prisma.join(and, " AND ");
}

/** The lab_results table `l` with its patient `p` and, to list, its record `r`. */
export const labResultFrom = (join: Join) =>
  join === "record"
    ? Prisma.sql`"lab_results" l JOIN "crf_records" r ON r."id" = l."crf_record_id" JOIN "patients" p ON p."id" = l."patient_id"`
    : Prisma.sql`"lab_results" l JOIN "patients" p ON p."id" = l."patient_id"`;

/**
 * Lab results of grade 3 or more (those the review tracks) matching the filters. Lab results
 * carry no seriousness or attribution: only site, term, grade and date apply.
 */
export function labToxicityWhere(scope: SiteWhere, filters: ToxicityFilters, join: Join): Prisma.Sql {
  const { min, max } = gradeBounds(filters.grade);
  const and = [
    ...liveConditions(join),
    ...scopeConditions(scope, filters, join),
    Prisma.sql`l."grade" BETWEEN ${Math.max(3, min)} AND ${max}`,
    Prisma.sql`l."ctcae_term" IS NOT NULL`,
  ];
  if (filters.term) and.push(Prisma.sql`l."ctcae_term" = ${filters.term}`);
  if (filters.onsetFrom) and.push(Prisma.sql`l."sample_date" >= ${filters.onsetFrom}::date`);
  if (filters.onsetTo) and.push(Prisma.sql`l."sample_date" <= ${filters.onsetTo}::date`);
  return Prisma.join(and, " AND ");
}

/** An ISO date (yyyy-mm-dd) or a site wall-clock time (yyyy-mm-ddThh:mm) as text, whatever the session's DateStyle. */
export const isoDate = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;
export const localDateTime = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI')`;
