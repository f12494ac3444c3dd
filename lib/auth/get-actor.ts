import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getSessionUserId } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { NotSignedInError } from "@/lib/errors";

/**
 * The caller of this request, loaded fresh from the database every time, so a deactivated
 * user or a removed role stops working at once (the session cookie alone proves nothing).
 */
export async function getActor(): Promise<Actor | null> {
  const userId = await getSessionUserId();
  return userId ? loadActor(userId) : null;
}

export async function getActorOrThrow(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new NotSignedInError();
  return actor;
}

export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await getPrisma().user.findFirst({
    where: { id: userId, active: true },
    select: { id: true, email: true, name: true, roleAssignments: { select: { role: true, siteId: true } } },
  });
  if (!user) return null;
  return { userId: user.id, email: user.email, name: user.name, assignments: user.roleAssignments };
}
