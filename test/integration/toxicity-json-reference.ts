import { readAdverseEvent, readLabToxicities } from "@/lib/analysis/toxicity/read-toxicity-records";
import { isTreatmentEmergent, tabulateWorstGrade } from "@/lib/analysis/toxicity/worst-grade-table";
import {
  attributionValues,
  gradeBounds,
  matchesLabFilters,
  type ToxicityFilters,
} from "@/lib/domain/toxicity/toxicity-filters";
import type { AdverseEventItem, LabToxicityItem, RecordContext } from "@/lib/data/toxicity-items";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";

/**
 * The toxicity review as it was computed before issue 14 moved it to the typed tables: every
 * adverse-event and labs record's JSON (data and computed values) read through Prisma and
 * filtered by JSONB path conditions (lib/data/toxicity-items.ts at 7b2b605, unchanged but for
 * the client passed in). Kept only as the reference the typed-table readers must equal
 * (lib/data/toxicity-typed.integration.test.ts).
 */
type SiteWhere = { siteId?: { in: string[] } };

/** The same row types as the typed-table readers: the test compares the rows themselves. */
export type ReferenceAdverseEvent = AdverseEventItem;
export type ReferenceLabToxicity = LabToxicityItem;

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

export async function referenceAdverseEvents(
  prisma: PrismaClient,
  scope: SiteWhere,
  filters: ToxicityFilters,
): Promise<ReferenceAdverseEvent[]> {
  const rows = await prisma.crfRecord.findMany({
    where: { ...baseWhere(scope, "adverse-event", filters), AND: adverseEventConditions(filters) },
    select: recordSelect,
    orderBy: [{ patient: { subjectId: "asc" } }, { createdAt: "asc" }],
  });
  return rows.flatMap((row) => {
    const facts = readAdverseEvent(row.data, row.computed);
    return facts ? [{ ...contextOf(row), ...facts }] : [];
  });
}

export async function referenceLabToxicities(
  prisma: PrismaClient,
  scope: SiteWhere,
  filters: ToxicityFilters,
): Promise<ReferenceLabToxicity[]> {
  const and: Prisma.CrfRecordWhereInput[] = [
    { computed: { path: ["maxGrade"], gte: Math.max(3, gradeBounds(filters.grade).min) } },
  ];
  if (filters.onsetFrom) and.push({ data: { path: ["sampleDate"], gte: filters.onsetFrom } });
  if (filters.onsetTo) and.push({ data: { path: ["sampleDate"], lte: filters.onsetTo } });
  const rows = await prisma.crfRecord.findMany({
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

export async function referenceEnrolledPatientIds(
  prisma: PrismaClient,
  scope: SiteWhere,
  filters: ToxicityFilters,
): Promise<string[]> {
  const rows = await prisma.patient.findMany({
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

/** The dashboard's worst-grade table as getToxicityDashboard computed it from every event. */
export function referenceWorstGrade(events: ReferenceAdverseEvent[], enrolled: string[]) {
  return tabulateWorstGrade(
    events
      .filter((e) => e.grade !== null && isTreatmentEmergent(e.onsetDate, e.enrollmentDate))
      .map((e) => ({ ...e, grade: e.grade! })),
    enrolled,
  );
}
