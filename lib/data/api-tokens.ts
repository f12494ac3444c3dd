import "server-only";
import { scopeOf, type Actor } from "@/lib/auth/actor";
import { generateApiToken } from "@/lib/auth/api-token";
import { confirmPasswordOrThrow } from "@/lib/auth/confirm-password";
import { API_PERMISSIONS } from "@/lib/auth/api-token";
import { writeAudit } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ApiTokenAccessLevel } from "@/lib/schemas/api-token";

/**
 * The signed-in user's own personal API tokens. Every function acts on actor.userId only:
 * another user's token is "not found". A token can be created only through the browser
 * session (an API token cannot mint tokens: the /account pages and actions never read one).
 */

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  access: ApiTokenAccessLevel;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
  revokedAt: string | null;
}

/** Enough for scripts, notebooks and an integration or two; more is a sign of tokens left lying about. */
export const MAX_ACTIVE_TOKENS = 10;
const DAY_MS = 86_400_000;

const ACCESS_TO_DB = { "read-only": "READ_ONLY", "read-write": "READ_WRITE" } as const;
const view = (row: {
  id: string;
  name: string;
  prefix: string;
  access: "READ_ONLY" | "READ_WRITE";
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
  revokedAt: Date | null;
}): ApiTokenView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  access: row.access === "READ_WRITE" ? "read-write" : "read-only",
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** Whether any API endpoint would answer this user: only then is a token worth having. */
export function mayUseApi(actor: Actor): boolean {
  return API_PERMISSIONS.some((permission) => scopeOf(actor, permission).kind !== "none");
}

export async function listApiTokens(actor: Actor): Promise<ApiTokenView[]> {
  const rows = await getPrisma().apiToken.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map(view);
}

/**
 * Creates a token and returns it whole, once: only its SHA-256 is stored. The token holds no
 * roles of its own; each request applies the user's roles and sites as they are then. The
 * password is asked again (through the sign-in throttle): a year-long read-write credential
 * must not be obtainable with a borrowed or stolen session alone.
 */
export async function createApiToken(
  actor: Actor,
  input: { name: string; access: ApiTokenAccessLevel; expiresInDays: number; password: string },
  now = new Date(),
): Promise<{ token: string; apiToken: ApiTokenView }> {
  if (actor.readOnly || actor.apiToken || !mayUseApi(actor))
    throw new ForbiddenError("Your roles give no access to the API.");
  await confirmPasswordOrThrow(actor, input.password, "API token");
  const { token, prefix, secretHash } = generateApiToken();
  return getPrisma().$transaction(async (tx) => {
    // Serializes this user's token creations, so the limit holds under concurrent requests.
    const [user] = await tx.$queryRaw<{ session_version: number }[]>`
      SELECT "session_version" FROM "users" WHERE "id" = ${actor.userId}::uuid AND "active" FOR UPDATE`;
    if (!user) throw new NotFoundError("Account");
    const active = await tx.apiToken.count({
      where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now } },
    });
    if (active >= MAX_ACTIVE_TOKENS)
      throw new ConflictError(`You already have ${MAX_ACTIVE_TOKENS} active tokens; revoke one first.`);
    const row = await tx.apiToken.create({
      data: {
        userId: actor.userId,
        name: input.name,
        prefix,
        secretHash,
        access: ACCESS_TO_DB[input.access],
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
        sessionVersion: user.session_version,
      },
    });
    const apiToken = view(row);
    await writeAudit(tx, actor, {
      action: "API_TOKEN_CREATE",
      entityType: "api-token",
      entityId: row.id,
      changes: (["name", "prefix", "access", "expiresAt"] as const).map((field) => ({
        field,
        from: null,
        to: apiToken[field],
      })),
    });
    return { token, apiToken };
  });
}

/** Revokes one of the user's own tokens at once; the next request with it gets 401. */
export async function revokeApiToken(actor: Actor, input: { tokenId: string }): Promise<ApiTokenView> {
  return getPrisma().$transaction(async (tx) => {
    const revokedAt = new Date();
    // Conditional on still being unrevoked: of two concurrent revocations only one is recorded.
    const { count } = await tx.apiToken.updateMany({
      where: { id: input.tokenId, userId: actor.userId, revokedAt: null },
      data: { revokedAt },
    });
    const row = await tx.apiToken.findFirst({ where: { id: input.tokenId, userId: actor.userId } });
    if (!row) throw new NotFoundError("Token");
    if (!count) throw new ConflictError("This token is already revoked.");
    await writeAudit(tx, actor, {
      action: "API_TOKEN_REVOKE",
      entityType: "api-token",
      entityId: row.id,
      changes: [{ field: "revokedAt", from: null, to: revokedAt }],
    });
    return view(row);
  });
}

/**
 * Marks every live token of the user revoked, inside the caller's transaction: used where a
 * password change, "sign out everywhere" or a deactivation raises the session version (which
 * alone already ends them, lib/auth/api-token-auth.ts); this makes the token list say so.
 */
export async function revokeAllApiTokensOf(
  tx: Prisma.TransactionClient,
  userId: string,
  revokedAt: Date,
): Promise<number> {
  const { count } = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt } });
  return count;
}
