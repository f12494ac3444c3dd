import "server-only";
import { scopeOf, siteFilter, type Actor } from "@/lib/auth/actor";
import { summarizeDataQuality } from "@/lib/analysis/data-quality";
import { buildRecordStatusGrid, type CellState, type GridColumn, type GridRow } from "@/lib/analysis/record-status-grid";
import { getPrisma } from "@/lib/db/prisma";
import type { ScheduleEndEvents } from "@/lib/domain/schedule/schedule-end";
import { ForbiddenError } from "@/lib/errors";
import { listFormDefinitions } from "@/lib/forms/registry";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PatientListFilter } from "@/lib/schemas/work-filters";
import { cachedByDataVersion } from "./cached-by-version";
import { loadQualityInputs } from "./data-quality";
import { getStudySettings } from "./study-settings";

export const GRID_PAGE_SIZE = 25;

/** Cell states a patient row can be filtered by (the row has at least one such cell). */
export const GRID_STATE_FILTERS = ["overdue", "open-query", "in-progress", "complete", "locked"] as const satisfies readonly CellState[];
export type GridStateFilter = (typeof GRID_STATE_FILTERS)[number];

export interface RecordStatusGrid {
  today: string;
  total: number;
  page: number;
  pageSize: number;
  columns: GridColumn[];
  rows: GridRow[];
}

/**
 * One page of the record status grid. Only the page's patients' forms are read, so a page
 * weighs the same in a trial of 100 or 100,000 patients; the exact total is one COUNT. The
 * "overdue" filter needs the schedule of every patient in scope: it reuses the data-quality
 * page's rows and summary, kept per data version.
 */
export async function getRecordStatusGrid(
  actor: Actor,
  filter: PatientListFilter & { state?: GridStateFilter },
  today: string = new Date().toISOString().slice(0, 10),
): Promise<RecordStatusGrid> {
  if (scopeOf(actor, "patient.read").kind === "none") throw new ForbiddenError();
  const where = await patientWhere(actor, filter, today);
  const [total, patients, settings] = await Promise.all([
    getPrisma().patient.count({ where }),
    getPrisma().patient.findMany({
      where,
      orderBy: { subjectId: "asc" },
      skip: (filter.page - 1) * GRID_PAGE_SIZE,
      take: GRID_PAGE_SIZE,
      select: { id: true, subjectId: true, enrollmentDate: true, lockedAt: true, site: { select: { code: true } } },
    }),
    getStudySettings(actor),
  ]);
  const ids = patients.map((p) => p.id);
  const [records, queries] = await Promise.all([
    getPrisma().crfRecord.findMany({
      where: { patientId: { in: ids }, deletedAt: null },
      select: { id: true, patientId: true, formType: true, visitKey: true, status: true, signedAt: true, sdvAt: true, data: true },
    }),
    getPrisma().dataQuery.groupBy({ by: ["recordId"], where: { patientId: { in: ids }, status: { in: ["OPEN", "ANSWERED"] } }, _count: { _all: true } }),
  ]);
  const openOf = new Map(queries.map((q) => [q.recordId, q._count._all]));
  const onceForms = listFormDefinitions()
    .filter((f) => !f.repeating && f.placement !== "visit")
    .map((f) => ({ formType: f.type, visitKey: f.fixedVisitKey ?? null }));
  const grid = buildRecordStatusGrid(
    patients.map((p) => {
      const own = records.filter((r) => r.patientId === p.id);
      return {
        id: p.id,
        subjectId: p.subjectId,
        siteCode: p.site.code,
        enrollmentDate: p.enrollmentDate?.toISOString().slice(0, 10) ?? null,
        locked: p.lockedAt !== null,
        scheduleEnd: (own.find((r) => r.formType === "end-of-study")?.data as ScheduleEndEvents | undefined) ?? null,
        records: own.map((r) => ({ id: r.id, formType: r.formType, visitKey: r.visitKey, status: r.status, signed: r.signedAt !== null, verified: r.sdvAt !== null, openQueries: openOf.get(r.id) ?? 0 })),
      };
    }),
    onceForms,
    today,
    settings.schedule,
  );
  return { today, total, page: filter.page, pageSize: GRID_PAGE_SIZE, ...grid };
}

async function patientWhere(actor: Actor, filter: PatientListFilter & { state?: GridStateFilter }, today: string): Promise<Prisma.PatientWhereInput> {
  const scope = siteFilter(actor, "patient.read");
  const and: Prisma.PatientWhereInput[] = [scope, { deletedAt: null }];
  if (filter.site) and.push({ siteId: filter.site });
  if (filter.status) and.push({ status: filter.status });
  if (filter.q) and.push({ subjectId: { contains: filter.q, mode: "insensitive" } });
  const openStates = { in: ["OPEN", "ANSWERED"] as ("OPEN" | "ANSWERED")[] };
  switch (filter.state) {
    case "open-query":
      and.push({ crfRecords: { some: { deletedAt: null, queries: { some: { status: openStates } } } } });
      break;
    case "in-progress":
      and.push({ crfRecords: { some: { deletedAt: null, status: "IN_PROGRESS" } } });
      break;
    case "complete":
      and.push({ crfRecords: { some: { deletedAt: null, status: "COMPLETE", signedAt: null } } });
      break;
    case "locked":
      and.push({ lockedAt: { not: null } });
      break;
    case "overdue":
      and.push({ id: { in: await patientsWithOverdueForms(actor, today) } });
      break;
  }
  return { AND: and };
}

async function patientsWithOverdueForms(actor: Actor, today: string): Promise<string[]> {
  const inScope = siteFilter(actor, "patient.read");
  return cachedByDataVersion(`grid-overdue|${JSON.stringify(inScope)}|${today}`, async () => {
    const inputs = await loadQualityInputs(actor, inScope);
    const summary = summarizeDataQuality(inputs.sites.map((s) => s.code), inputs.patients, inputs.records, {}, today, inputs.settings.schedule);
    return summary.flatMap((s) => s.overdueForms.patients.map((p) => p.id));
  });
}
