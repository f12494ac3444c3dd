import "server-only";
import { scopeOf, siteFilter, type Actor } from "@/lib/auth/actor";
import { formHref } from "@/lib/analysis/work-list";
import { getPrisma } from "@/lib/db/prisma";
import { ForbiddenError } from "@/lib/errors";
import { getFormDefinition } from "@/lib/forms/registry";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { QueryStatus } from "@/lib/generated/prisma/enums";
import type { QueryInboxFilter } from "@/lib/schemas/work-filters";
import { queryOnFormSelect, toQueryOnForm, type QueryOnForm } from "./query-on-form";

export interface InboxQuery extends QueryOnForm {
  formTitle: string;
  fieldLabel: string;
  ageDays: number;
  lastMessage: string;
  href: string;
}

export const INBOX_PAGE_SIZE = 50;

const STATUSES: Record<QueryInboxFilter["status"], QueryStatus[] | null> = {
  open: ["OPEN", "ANSWERED"],
  OPEN: ["OPEN"],
  ANSWERED: ["ANSWERED"],
  CLOSED: ["CLOSED"],
  all: null,
};

/**
 * Every query on patients the caller may read, oldest first, filtered by status, site, form and
 * age, one page at a time with the exact total. Each links to its form with the field named.
 */
export async function listQueryInbox(
  actor: Actor,
  filter: QueryInboxFilter,
  now: Date = new Date(),
): Promise<{ rows: InboxQuery[]; total: number; page: number; pageSize: number }> {
  if (scopeOf(actor, "patient.read").kind === "none") throw new ForbiddenError();
  const statuses = STATUSES[filter.status];
  const scope = siteFilter(actor, "patient.read");
  const where: Prisma.DataQueryWhereInput = {
    AND: [
      scope,
      filter.site ? { siteId: filter.site } : {},
      statuses ? { status: { in: statuses } } : {},
      filter.form ? { record: { formType: filter.form } } : {},
      filter.olderThan !== undefined
        ? { openedAt: { lte: new Date(now.getTime() - filter.olderThan * 86_400_000) } }
        : {},
      { record: { deletedAt: null, patient: { deletedAt: null } } },
    ],
  };
  const [total, rows] = await Promise.all([
    getPrisma().dataQuery.count({ where }),
    getPrisma().dataQuery.findMany({
      where,
      orderBy: [{ openedAt: "asc" }, { id: "asc" }],
      skip: (filter.page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      select: {
        ...queryOnFormSelect,
        messages: { orderBy: { createdAt: "desc" }, take: 1, select: { text: true } },
      },
    }),
  ]);
  return {
    total,
    page: filter.page,
    pageSize: INBOX_PAGE_SIZE,
    rows: rows.map((r) => {
      const query = toQueryOnForm(r);
      const definition = getFormDefinition(query.formType);
      return {
        ...query,
        formTitle: definition?.title ?? query.formType,
        fieldLabel: definition?.labels[query.fieldPath] ?? query.fieldPath,
        ageDays: Math.floor((now.getTime() - r.openedAt.getTime()) / 86_400_000),
        lastMessage: r.messages[0]?.text ?? "",
        href: formHref(query),
      };
    }),
  };
}

/** Sites the caller reads, for the filters. */
export async function listReadableSites(actor: Actor): Promise<{ id: string; code: string; name: string }[]> {
  const scope = scopeOf(actor, "patient.read");
  if (scope.kind === "none") return [];
  return getPrisma().site.findMany({
    where: scope.kind === "sites" ? { id: { in: scope.siteIds } } : {},
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true },
  });
}
