import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { getAuthOptions } from "@/lib/auth/auth-options";
import type { SessionClaims } from "@/lib/auth/session-token";
import { getPrisma } from "@/lib/db/prisma";

/** The user id and session version the cookie claims, unchecked against the database. */
export async function getSessionClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as { id?: string; sessionVersion?: number } | undefined;
  return user?.id && typeof user.sessionVersion === "number" ? { userId: user.id, sessionVersion: user.sessionVersion } : null;
}

/**
 * The signed-in user's id, or null. The cookie alone is not enough: the user must still be
 * active and the token's session version current, or "sign out everywhere" and a password
 * change would leave stolen or forgotten sessions alive until they expire. Authorization is
 * separate (getActor).
 */
export async function getSessionUserId(): Promise<string | null> {
  const claims = await getSessionClaims();
  if (!claims) return null;
  const user = await getPrisma().user.findFirst({
    where: { id: claims.userId, active: true, sessionVersion: claims.sessionVersion },
    select: { id: true },
  });
  return user?.id ?? null;
}

// next-auth's cookie names: "__Secure-" when NEXTAUTH_URL is https; ".0", ".1"... when chunked.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Signs this browser out from a server action (next-auth's signOut needs the client). Used
 * after the session version was bumped, when this browser's token is stale anyway.
 */
export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!SESSION_COOKIE.test(name)) continue;
    jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}
