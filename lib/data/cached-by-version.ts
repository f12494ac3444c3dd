import "server-only";
import { VersionedCache } from "@/lib/analysis/versioned-cache";
import { readDataVersion } from "./data-version";

/**
 * Dashboard results kept per (what was asked, data version read from PostgreSQL). The version
 * is read on every request, before the data, so a change saved through any instance gives the
 * next request a new key (lib/data/analysis.integration.test.ts). A process keeps the few most
 * recent results. Callers must not modify what they get back: it is shared between requests.
 * The key must hold everything the result depends on, the caller's site scope included.
 */
// On globalThis, as the Prisma client: Next bundles pages and route handlers separately, each
// with its own copy of this module, and the API should not recompute what a page just did.
const globalForResults = globalThis as unknown as { trialdeskDashboardResults?: VersionedCache };
const results = (globalForResults.trialdeskDashboardResults ??= new VersionedCache(12));

export async function cachedByDataVersion<T>(key: string, compute: (version: string) => Promise<T>): Promise<T> {
  const version = await readDataVersion();
  return results.getOrCompute(`${key}|v${version}`, () => compute(version));
}

/** The same cache for a value the result is derived from, under the version already read. */
export function cachedForVersion<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
  return results.getOrCompute(`${key}|v${version}`, compute);
}
