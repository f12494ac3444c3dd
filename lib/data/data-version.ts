import "server-only";
import { getPrisma } from "@/lib/db/prisma";

/**
 * How many of the newest audit ids a version checks for late commits (see readDataVersion).
 * A transaction would have to stay open while this many other audit events are written for
 * its change to go unnoticed; saves hold theirs for milliseconds.
 */
const LATE_COMMIT_WINDOW = 10_000;

/**
 * A version of everything the app has written, read from PostgreSQL: every change writes an
 * audit event in its own transaction (lib/audit/audit-log.ts), and audit events are never
 * updated or deleted. The newest id alone is not enough: ids come from a sequence when the
 * row is inserted, so a transaction holding id 100 can commit after one holding id 101. The
 * set of visible ids only grows, so counting the recent ones catches such a late commit;
 * counting all of them would cost a scan of the whole table on every request.
 * Read it before the data it versions, so a result is never filed under a newer version than
 * the data it was computed from.
 */
export async function readDataVersion(): Promise<string> {
  const [row] = await getPrisma().$queryRaw<{ version: string }[]>`
    WITH newest AS (SELECT coalesce(max("id"), 0) AS "id" FROM "audit_events")
    SELECT newest."id"::text || ':' || (SELECT count(*) FROM "audit_events" a WHERE a."id" > newest."id" - ${LATE_COMMIT_WINDOW})::text AS "version" FROM newest`;
  return row!.version;
}
