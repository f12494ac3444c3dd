import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getSessionClaims } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { NotSignedInError } from "@/lib/errors";

/**
 * The caller of this request, loaded fresh from the database every time, so a deactivated
 * user, a removed role or a session ended by "sign out everywhere" or a password change
 * (a bumped session version) stops working at once (the session cookie alone proves nothing).
 */
export async function getActor(): Promise<Actor | null> {
  const claims = await getSessionClaims();
  return claims ? loadActor(claims.userId, claims.sessionVersion) : null;
}

export async function getActorOrThrow(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new NotSignedInError();
  return actor;
}

/** With a session version, a token issued before the user's last bump loads nobody. */
export async function loadActor(userId: string, sessionVersion?: number): Promise<Actor | null> {
  const user = await getPrisma().user.findFirst({
    where: { id: userId, active: true, ...(sessionVersion === undefined ? {} : { sessionVersion }) },
    select: { id: true, email: true, name: true, roleAssignments: { select: { role: true, siteId: true } } },
  });
  if (!user) return null;
  return { userId: user.id, email: user.email, name: user.name, assignments: user.roleAssignments };
}
