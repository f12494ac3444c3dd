import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { apiTokenMatches, bearerTokenOf, hashApiToken, parseApiToken } from "@/lib/auth/api-token";
import { loadActor } from "@/lib/auth/get-actor";
import { getPrisma } from "@/lib/db/prisma";

/** Writing last-used on every call would turn each read into a write; once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;
// Compared against when the prefix is unknown, so that case costs the same hash and comparison.
const NO_SUCH_TOKEN_HASH = hashApiToken("no such token");

/**
 * The Actor behind an `Authorization` header, or null for anything not valid now: malformed,
 * unknown, revoked or expired tokens, and tokens of deactivated users. The token carries no
 * roles: the user's current roles and sites are loaded exactly as for a browser session
 * (loadActor, with the session version the token was minted under, so a password change,
 * "sign out everywhere" or deactivation ends it for good), and a read-only token turns off
 * every permission that writes. The Actor names the token, so audit rows name it too.
 */
export async function authenticateApiToken(authorization: string, now = new Date()): Promise<Actor | null> {
  const token = bearerTokenOf(authorization);
  const parsed = token ? parseApiToken(token) : null;
  if (!token || !parsed) return null;
  const row = await getPrisma().apiToken.findUnique({
    where: { prefix: parsed.prefix },
    select: {
      id: true,
      name: true,
      userId: true,
      sessionVersion: true,
      secretHash: true,
      access: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
  const matches = apiTokenMatches(token, row?.secretHash ?? NO_SUCH_TOKEN_HASH);
  if (!row || !matches || row.revokedAt || row.expiresAt <= now) return null;
  const actor = await loadActor(row.userId, row.sessionVersion);
  if (!actor) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await getPrisma().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  return { ...actor, readOnly: row.access === "READ_ONLY", apiToken: { id: row.id, name: row.name } };
}
