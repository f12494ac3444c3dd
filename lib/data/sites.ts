import "server-only";
import { scopeOf, type Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { ForbiddenError } from "@/lib/errors";

export interface SiteView {
  id: string;
  code: string;
  name: string;
  city: string;
  country: string;
  targetEnrollment: number;
  active: boolean;
}

/**
 * The sites whose patients the actor may read (an investigator: their own; coordinators,
 * monitors and the PI: theirs or all), by code, one page at a time (cursor = last code).
 */
export async function listReadableSites(
  actor: Actor,
  options: { pageSize: number; cursor?: string },
): Promise<{ data: SiteView[]; nextCursor: string | null }> {
  const scope = scopeOf(actor, "patient.read");
  if (scope.kind === "none") throw new ForbiddenError();
  const rows = await getPrisma().site.findMany({
    where: {
      ...(scope.kind === "sites" ? { id: { in: scope.siteIds } } : {}),
      ...(options.cursor ? { code: { gt: options.cursor } } : {}),
    },
    orderBy: { code: "asc" },
    take: options.pageSize + 1,
    select: { id: true, code: true, name: true, city: true, country: true, targetEnrollment: true, active: true },
  });
  const data = rows.slice(0, options.pageSize);
  return { data, nextCursor: rows.length > options.pageSize ? data[data.length - 1]!.code : null };
}
