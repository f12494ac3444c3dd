import "server-only";
import { cache } from "react";
import type { AuditAction } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";

/**
 * How many of the newest audit ids a version checks for late commits (see readDataVersion).
 * A transaction would have to stay open while this many other audit events are written for
 * its change to go unnoticed; saves hold theirs for milliseconds.
 */
const LATE_COMMIT_WINDOW = 10_000;

/**
 * Audited actions that change nothing a dashboard shows: without leaving them out, every
 * sign-in or export anywhere would throw away every kept result. A new action counts as a
 * change until it is listed here.
 */
export const ACTIONS_WITHOUT_DATA_CHANGE: readonly AuditAction[] = [
  "EXPORT",
  "SIGN_IN",
  "SIGN_IN_FAILED",
  "SIGN_OUT_EVERYWHERE",
  "PASSWORD_CHANGE",
  "API_TOKEN_CREATE",
  "API_TOKEN_REVOKE",
];

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
async function queryDataVersion(): Promise<string> {
  const skipped = [...ACTIONS_WITHOUT_DATA_CHANGE];
  const [row] = await getPrisma().$queryRaw<{ version: string }[]>`
    WITH newest AS (SELECT coalesce(max("id"), 0) AS "id" FROM "audit_events" WHERE "action" <> ALL(${skipped}::text[]))
    SELECT newest."id"::text || ':' || (
      SELECT count(*) FROM "audit_events" a WHERE a."id" > newest."id" - ${LATE_COMMIT_WINDOW} AND a."action" <> ALL(${skipped}::text[])
    )::text AS "version" FROM newest`;
  return row!.version;
}

/**
 * The data version, read once per page render: the home page keeps four results under it and
 * each used to read it again (four counts of 10,000 audit ids per request). React's cache()
 * lasts one server render, which starts after any action of the same request has committed;
 * outside a render (route handlers, actions, scripts, tests) it reads every time.
 */
export const readDataVersion = cache(queryDataVersion);
