import type { Permission } from "./permissions";
import { isTrialWideRole, READ_ONLY_PERMISSIONS, roleHasPermission } from "./permissions";

/** The caller of every lib/data function: who they are and where each role applies. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  assignments: readonly { role: string; siteId: string | null }[];
  /** Acting through a read-only API token: only READ_ONLY_PERMISSIONS apply. */
  readOnly?: boolean;
  /** The API token this request came through (named in every audit row it causes). */
  apiToken?: { id: string; name: string };
}

/** Where a permission applies for this actor: every site, some sites, or nowhere. */
export type SiteScope = { kind: "all" } | { kind: "sites"; siteIds: string[] } | { kind: "none" };

export function scopeOf(actor: Actor, permission: Permission): SiteScope {
  if (actor.readOnly && !READ_ONLY_PERMISSIONS.includes(permission)) return { kind: "none" };
  const siteIds = new Set<string>();
  for (const { role, siteId } of actor.assignments) {
    if (!roleHasPermission(role, permission)) continue;
    // A trial-wide role (Administrator) held "at a site" is a leftover that grants nothing.
    if (siteId !== null && isTrialWideRole(role)) continue;
    if (siteId === null) return { kind: "all" };
    siteIds.add(siteId);
  }
  return siteIds.size ? { kind: "sites", siteIds: [...siteIds].sort() } : { kind: "none" };
}

export function hasPermission(actor: Actor, permission: Permission, siteId?: string): boolean {
  const scope = scopeOf(actor, permission);
  if (scope.kind === "none") return false;
  if (siteId === undefined || scope.kind === "all") return true;
  return scope.siteIds.includes(siteId);
}

/** A Prisma `where` fragment that keeps only rows of sites in scope (none: matches nothing). */
export function siteFilter(actor: Actor, permission: Permission): { siteId?: { in: string[] } } {
  const scope = scopeOf(actor, permission);
  if (scope.kind === "all") return {};
  return { siteId: { in: scope.kind === "sites" ? scope.siteIds : [] } };
}
