import "server-only";
import { scopeOf, siteFilter, type Actor } from "@/lib/auth/actor";
import {
  buildRecordStatusGrid,
  type CellState,
  type GridColumn,
  type GridRow,
} from "@/lib/analysis/record-status-grid";
import { getPrisma } from "@/lib/db/prisma";
import type { ScheduleEndEvents } from "@/lib/domain/schedule/schedule-end";
import { ForbiddenError } from "@/lib/errors";
import { listFormDefinitions } from "@/lib/forms/registry";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PatientListFilter } from "@/lib/schemas/work-filters";
import { getStudySettings } from "./study-settings";

export const GRID_PAGE_SIZE = 25;

/** Cell states a patient row can be filtered by (the row has at least one such cell). */
export const GRID_STATE_FILTERS = [
  "overdue",
  "open-query",
  "in-progress",
  "complete",
  "locked",
] as const satisfies readonly CellState[];
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
 * "overdue" filter reads the first overdue day kept per patient (patient_schedule_facts).
 */
export async function getRecordStatusGrid(
  actor: Actor,
  filter: PatientListFilter & { state?: GridStateFilter },
  today: string = new Date().toISOString().slice(0, 10),
): Promise<RecordStatusGrid> {
  if (scopeOf(actor, "patient.read").kind === "none") throw new ForbiddenError();
  const where = patientWhere(actor, filter, today);
  // The site codes come with the rest, not as a second statement after the page's patients.
  const [{ total, patients }, settings, sites] = await Promise.all([
    loadPage(where, filter.page),
    getStudySettings(actor),
    getPrisma().site.findMany({ select: { id: true, code: true } }),
  ]);
  const codeOf = new Map(sites.map((site) => [site.id, site.code]));
  const records = await loadGridRecords(patients.map((p) => p.id));
  const onceForms = listFormDefinitions()
    .filter((f) => !f.repeating && f.placement !== "visit")
    .map((f) => ({ formType: f.type, visitKey: f.fixedVisitKey ?? null }));
  const grid = buildRecordStatusGrid(
    patients.map((p) => {
      const own = records.filter((r) => r.patientId === p.id);
      return {
        id: p.id,
        subjectId: p.subjectId,
        siteCode: codeOf.get(p.siteId) ?? "",
        enrollmentDate: p.enrollmentDate?.toISOString().slice(0, 10) ?? null,
        locked: p.lockedAt !== null,
        scheduleEnd: (own.find((r) => r.formType === "end-of-study")?.data as ScheduleEndEvents | undefined) ?? null,
        records: own.map((r) => ({
          id: r.id,
          formType: r.formType,
          visitKey: r.visitKey,
          status: r.status,
          signed: r.signed,
          verified: r.verified,
          openQueries: r.openQueries,
        })),
      };
    }),
    onceForms,
    today,
    settings.schedule,
  );
  return { today, total, page: filter.page, pageSize: GRID_PAGE_SIZE, ...grid };
}

const PATIENT_COLUMNS = { id: true, subjectId: true, enrollmentDate: true, lockedAt: true, siteId: true } as const;

async function loadPage(where: Prisma.PatientWhereInput, page: number) {
  const [total, patients] = await Promise.all([
    getPrisma().patient.count({ where }),
    getPrisma().patient.findMany({
      where,
      orderBy: { subjectId: "asc" },
      skip: (page - 1) * GRID_PAGE_SIZE,
      take: GRID_PAGE_SIZE,
      select: PATIENT_COLUMNS,
    }),
  ]);
  return { total, patients };
}

interface GridRecordRow {
  id: string;
  patientId: string;
  formType: string;
  visitKey: string | null;
  status: "IN_PROGRESS" | "COMPLETE";
  signed: boolean;
  verified: boolean;
  /** Only the end of study's answers (the schedule ends there); no other form's answers are read. */
  data: unknown;
  openQueries: number;
}

/**
 * The page's forms with their open-query counts in one statement. Each form's answers stay in
 * the database except the end of study's: at 10,000 patients a page's answers were 120 KB read
 * and parsed for nothing (EXPLAIN ANALYZE and bench:dashboards figures in BENCHMARKS.md).
 */
async function loadGridRecords(patientIds: string[]): Promise<GridRecordRow[]> {
  if (patientIds.length === 0) return [];
  return getPrisma().$queryRaw<GridRecordRow[]>`
    SELECT r."id"::text AS "id", r."patient_id"::text AS "patientId", r."form_type" AS "formType", r."visit_key" AS "visitKey", r."status"::text AS "status",
      r."signed_at" IS NOT NULL AS "signed", r."sdv_at" IS NOT NULL AS "verified",
      CASE WHEN r."form_type" = 'end-of-study' THEN r."data" END AS "data",
      (SELECT count(*)::int FROM "data_queries" q WHERE q."record_id" = r."id" AND q."status" IN ('OPEN', 'ANSWERED')) AS "openQueries"
    FROM "crf_records" r
    WHERE r."patient_id" = ANY(${patientIds}::uuid[]) AND r."deleted_at" IS NULL`;
}

/** Scope and filters. */
function patientWhere(
  actor: Actor,
  filter: PatientListFilter & { state?: GridStateFilter },
  today: string,
): Prisma.PatientWhereInput {
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
      // The first day with an overdue form is kept per patient (lib/data/schedule-facts.ts).
      and.push({ scheduleFacts: { overdueFrom: { lte: new Date(`${today}T00:00:00Z`) } } });
      break;
  }
  return { AND: and };
}
