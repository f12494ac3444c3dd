import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { getSessionClaims } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { NotSignedInError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { UUID_PATTERN } from "@/lib/schemas/uuid";

/**
 * The caller of this request, loaded fresh from the database for every request, so a deactivated
 * user, a removed role or a session ended by "sign out everywhere" or a password change
 * (a bumped session version) stops working at once (the session cookie alone proves nothing).
 * Writes (server actions, route handlers) use this one: what they change (a role, the session
 * version) must never be judged by a copy loaded earlier in the same request.
 */
export async function loadRequestActor(): Promise<Actor | null> {
  const claims = await getSessionClaims();
  return claims ? loadActor(claims.userId, claims.sessionVersion, claims.sessionId) : null;
}

/** For pages and server components: one load per render, shared by the header's navigation and the page. */
export const getActor = cache(loadRequestActor);

export async function getActorOrThrow(): Promise<Actor> {
  const actor = await loadRequestActor();
  if (!actor) throw new NotSignedInError();
  return actor;
}

/**
 * With a session version, a token issued before the user's last bump loads nobody; with a
 * session id, a session signed out or past its absolute lifetime loads nobody. One
 * query with the role assignments aggregated: this runs on every request (Prisma's nested
 * select would be a second round trip, measurable in bench/form-save-bench.ts).
 */
export async function loadActor(userId: string, sessionVersion?: number, sessionId?: string): Promise<Actor | null> {
  if (!UUID_PATTERN.test(userId) || (sessionId !== undefined && !UUID_PATTERN.test(sessionId))) return null;
  const [user] = await getPrisma().$queryRaw<
    { id: string; email: string; name: string; assignments: { role: Role; siteId: string | null }[] }[]
  >`
    SELECT u."id"::text AS "id", u."email", u."name",
           COALESCE(json_agg(json_build_object('role', ra."role", 'siteId', ra."site_id") ORDER BY ra."created_at")
                    FILTER (WHERE ra."id" IS NOT NULL), '[]') AS "assignments"
    FROM "users" u LEFT JOIN "role_assignments" ra ON ra."user_id" = u."id"
    WHERE u."id" = ${userId}::uuid AND u."active" AND (${sessionVersion ?? null}::int IS NULL OR u."session_version" = ${sessionVersion ?? null}::int)
      AND (${sessionId ?? null}::uuid IS NULL OR EXISTS (
        SELECT 1 FROM "user_sessions" s
        WHERE s."id" = ${sessionId ?? null}::uuid AND s."user_id" = u."id" AND s."ended_at" IS NULL AND s."expires_at" > CURRENT_TIMESTAMP))
    GROUP BY u."id"`;
  if (!user) return null;
  return { userId: user.id, email: user.email, name: user.name, assignments: user.assignments };
}
