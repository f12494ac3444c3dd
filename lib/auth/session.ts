import "server-only";
import { cookies } from "next/headers";
import { claimsFromSessionToken, readSessionCookie } from "@/lib/auth/session-cookie";
import type { SessionClaims } from "@/lib/auth/session-token";
import { getPrisma } from "@/lib/db/prisma";
import { getEnv } from "@/lib/env";

/** The user id and session version the cookie claims, unchecked against the database. */
export async function getSessionClaims(): Promise<SessionClaims | null> {
  const env = getEnv();
  // next-auth uses the "__Secure-" cookie exactly when its URL is https (core/init.js).
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const token = readSessionCookie((await cookies()).getAll(), secure);
  if (!token) return null;
  return claimsFromSessionToken(token, {
    secret: env.NEXTAUTH_SECRET,
    idleSeconds: env.SESSION_IDLE_MINUTES * 60,
    absoluteSeconds: env.SESSION_ABSOLUTE_HOURS * 3600,
    nowMs: Date.now(),
  });
}

/**
 * The signed-in user's id, or null. The cookie alone is not enough: the user must still be
 * active, the server-side session not signed out or expired, and the token's session version current, or "sign out everywhere" and a password
 * change would leave stolen or forgotten sessions alive until they expire. Authorization is
 * separate (getActor).
 */
export async function getSessionUserId(): Promise<string | null> {
  const claims = await getSessionClaims();
  if (!claims) return null;
  const user = await getPrisma().user.findFirst({
    where: {
      id: claims.userId,
      active: true,
      sessionVersion: claims.sessionVersion,
      sessions: { some: { id: claims.sessionId, endedAt: null, expiresAt: { gt: new Date() } } },
    },
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
