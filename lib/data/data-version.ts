import "server-only";
import { getPrisma } from "@/lib/db/prisma";

/**
 * A version of everything the app has written, read from PostgreSQL: every change writes an
 * audit event in its own transaction (lib/audit/audit-log.ts), and audit events are never
 * updated or deleted. The newest id alone is not enough: ids come from a sequence when the
 * row is inserted, so a transaction holding id 100 can commit after one holding id 101; the
 * visible set only grows, so the count changes whenever a change becomes visible.
 * Read it before the data it versions, so a result is never filed under a newer version than
 * the data it was computed from.
 */
export async function readDataVersion(): Promise<string> {
  const [row] = await getPrisma().$queryRaw<{ version: string }[]>`
    SELECT coalesce(max("id"), 0)::text || ':' || count(*)::text AS "version" FROM "audit_events"`;
  return row!.version;
}
