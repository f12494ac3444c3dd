import "server-only";
import type { WorkQuery } from "@/lib/analysis/work-list";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { QueryStatus } from "@/lib/generated/prisma/enums";

/** A data query with the form it is on and its patient, as the query inbox and the work lists read it. */
export const queryOnFormSelect = {
  id: true,
  patientId: true,
  recordId: true,
  fieldPath: true,
  status: true,
  openedById: true,
  openedAt: true,
  record: {
    select: {
      formType: true,
      visitKey: true,
      patient: { select: { subjectId: true, site: { select: { code: true } } } },
    },
  },
} satisfies Prisma.DataQuerySelect;

/** The work list's query (lib/analysis/work-list.ts) with any status, its patient's subject ID and site. */
export type QueryOnForm = Omit<WorkQuery, "status"> & { status: QueryStatus; subjectId: string; siteCode: string };

/** Flattens a row read with `queryOnFormSelect`. */
export function toQueryOnForm(r: Prisma.DataQueryGetPayload<{ select: typeof queryOnFormSelect }>): QueryOnForm {
  return {
    id: r.id,
    patientId: r.patientId,
    recordId: r.recordId,
    formType: r.record.formType,
    visitKey: r.record.visitKey,
    fieldPath: r.fieldPath,
    status: r.status,
    openedById: r.openedById,
    openedAt: r.openedAt.toISOString(),
    subjectId: r.record.patient.subjectId,
    siteCode: r.record.patient.site.code,
  };
}
