import "server-only";
import { scopeOf, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import {
  readAdverseEvent,
  readLabToxicities,
  type AdverseEventFacts,
  type LabToxicityFacts,
} from "@/lib/analysis/toxicity/read-toxicity-records";
import {
  attributionValues,
  gradeBounds,
  matchesLabFilters,
  type ToxicityFilters,
} from "@/lib/domain/toxicity/toxicity-filters";
import { getPrisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Loading adverse events and grade 3+ lab results across sites for the toxicity review.
 * Not exported to pages: lib/data/toxicity.ts and lib/data/toxicity-review.ts check the
 * caller's permission and pass the site filter in.
 */
export type SiteWhere = { siteId?: { in: string[] } };

/** The sites where the actor holds any of the permissions, as a where fragment; null: none. */
export function siteFilterForAny(actor: Actor, permissions: readonly Permission[]): SiteWhere | null {
  const scopes = permissions.map((p) => scopeOf(actor, p));
  if (scopes.some((s) => s.kind === "all")) return {};
  const siteIds = [...new Set(scopes.flatMap((s) => (s.kind === "sites" ? s.siteIds : [])))].sort();
  return siteIds.length ? { siteId: { in: siteIds } } : null;
}

interface RecordContext {
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

const recordSelect = {
  id: true,
  version: true,
  visitKey: true,
  data: true,
  computed: true,
  patientId: true,
  siteId: true,
  patient: { select: { subjectId: true, enrollmentDate: true, site: { select: { code: true } } } },
} as const;

type Row = Prisma.CrfRecordGetPayload<{ select: typeof recordSelect }>;

function contextOf(row: Row): RecordContext {
  return {
    recordId: row.id,
    recordVersion: row.version,
    patientId: row.patientId,
    subjectId: row.patient.subjectId,
    siteId: row.siteId,
    siteCode: row.patient.site.code,
    enrollmentDate: row.patient.enrollmentDate?.toISOString().slice(0, 10) ?? null,
  };
}

function baseWhere(scope: SiteWhere, formType: string, filters: ToxicityFilters): Prisma.CrfRecordWhereInput {
  return {
    ...scope,
    formType,
    deletedAt: null,
    patient: { deletedAt: null, ...(filters.site ? { site: { code: filters.site } } : {}) },
  };
}

/** The filters (lib/analysis/toxicity/toxicity-filters.ts) as JSONB path conditions. */
function adverseEventConditions(filters: ToxicityFilters): Prisma.CrfRecordWhereInput[] {
  const and: Prisma.CrfRecordWhereInput[] = [];
  if (filters.term) and.push({ data: { path: ["term"], equals: filters.term } });
  if (filters.grade) {
    const { min, max } = gradeBounds(filters.grade);
    and.push({ data: { path: ["grade"], gte: min } }, { data: { path: ["grade"], lte: max } });
  }
  if (filters.serious) and.push({ computed: { path: ["serious"], equals: filters.serious === "yes" } });
  for (const drug of ["thalidomide", "uft"] as const) {
    const filter = filters[drug];
    if (filter)
      and.push({
        OR: attributionValues(filter).map((value) => ({ data: { path: ["attribution", drug], equals: value } })),
      });
  }
  if (filters.onsetFrom) and.push({ data: { path: ["onsetDate"], gte: filters.onsetFrom } });
  if (filters.onsetTo) and.push({ data: { path: ["onsetDate"], lte: filters.onsetTo } });
  return and;
}

/** Adverse events matching the filters, filtered in the database, by site and subject. */
export async function loadAdverseEvents(
  scope: SiteWhere,
  filters: ToxicityFilters,
  db: Prisma.TransactionClient = getPrisma(),
): Promise<AdverseEventItem[]> {
  const rows = await db.crfRecord.findMany({
    where: { ...baseWhere(scope, "adverse-event", filters), AND: adverseEventConditions(filters) },
    select: recordSelect,
    orderBy: [{ patient: { subjectId: "asc" } }, { createdAt: "asc" }],
  });
  return rows.flatMap((row) => {
    const facts = readAdverseEvent(row.data, row.computed);
    return facts ? [{ ...contextOf(row), ...facts }] : [];
  });
}

/**
 * Lab results of grade 3 or more. The database keeps the labs records whose worst grade
 * reaches the filter's lower bound and whose sample date is in range; the results inside
 * each record are then expanded and filtered one by one.
 */
export async function loadLabToxicities(scope: SiteWhere, filters: ToxicityFilters): Promise<LabToxicityItem[]> {
  const and: Prisma.CrfRecordWhereInput[] = [
    { computed: { path: ["maxGrade"], gte: Math.max(3, gradeBounds(filters.grade).min) } },
  ];
  if (filters.onsetFrom) and.push({ data: { path: ["sampleDate"], gte: filters.onsetFrom } });
  if (filters.onsetTo) and.push({ data: { path: ["sampleDate"], lte: filters.onsetTo } });
  const rows = await getPrisma().crfRecord.findMany({
    where: { ...baseWhere(scope, "labs", filters), AND: and },
    select: recordSelect,
    orderBy: [{ patient: { subjectId: "asc" } }, { createdAt: "asc" }],
  });
  return rows.flatMap((row) => {
    const context = contextOf(row);
    return readLabToxicities(row.data, row.computed)
      .map((lab) => ({ ...context, ...lab, visitKey: row.visitKey }))
      .filter((lab) => matchesLabFilters(lab, filters));
  });
}

/** Enrolled patients (day 1 of treatment recorded) in scope: the safety denominator. */
export async function loadEnrolledPatientIds(
  scope: SiteWhere,
  filters: ToxicityFilters,
  db: Prisma.TransactionClient = getPrisma(),
): Promise<string[]> {
  const rows = await db.patient.findMany({
    where: {
      ...scope,
      deletedAt: null,
      enrollmentDate: { not: null },
      ...(filters.site ? { site: { code: filters.site } } : {}),
    },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** A positive pregnancy test under thalidomide: serious by definition (Thalomid REMS), reviewed like an SAE. */
export type PregnancyItem = RecordContext & { testDate: string };

/**
 * Positive pregnancy tests in the scope, for the review queue. They carry no CTCAE term or grade,
 * so a term, grade or attribution filter leaves them out; the site and date filters apply.
 */
export async function loadPositivePregnancyTests(scope: SiteWhere, filters: ToxicityFilters): Promise<PregnancyItem[]> {
  if (filters.term || filters.grade || filters.thalidomide || filters.uft || filters.serious === "no") return [];
  const and: Prisma.CrfRecordWhereInput[] = [{ data: { path: ["result"], equals: "positive" } }];
  if (filters.onsetFrom) and.push({ data: { path: ["testDate"], gte: filters.onsetFrom } });
  if (filters.onsetTo) and.push({ data: { path: ["testDate"], lte: filters.onsetTo } });
  const rows = await getPrisma().crfRecord.findMany({
    where: { ...baseWhere(scope, "pregnancy-test", filters), AND: and },
    select: recordSelect,
    orderBy: [{ patient: { subjectId: "asc" } }, { createdAt: "asc" }],
  });
  return rows.map((row) => ({
    ...contextOf(row),
    testDate: String((row.data as { testDate?: unknown }).testDate ?? ""),
  }));
}
