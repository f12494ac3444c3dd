import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { confirmPasswordOrThrow } from "@/lib/auth/confirm-password";
import { hashPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit/audit-log";
import { revokeAllApiTokensOf } from "@/lib/data/api-tokens";
import { getPrisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { changePasswordSchemaFor } from "@/lib/schemas/change-password";

/**
 * The signed-in user's own account. No permission is checked beyond being the user: every
 * function acts on actor.userId only, never on an id from the request.
 */

/** Ends every session of the user, this one included, on their next request. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  await getPrisma().$transaction((tx) => endSessionsAndTokens(tx, actor, "SIGN_OUT_EVERYWHERE", { id: actor.userId }));
}

/**
 * Checks the current password, stores the new one and ends every session (a password change
 * after a suspected compromise must lock the intruder out too). The audit record says that
 * the password changed, never what it was or became.
 */
export async function changePassword(actor: Actor, input: unknown): Promise<void> {
  const parsed = changePasswordSchemaFor(actor.email).safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    throw new ValidationError(fieldErrors);
  }
  const prisma = getPrisma();
  const user = await prisma.user.findFirst({
    where: { id: actor.userId, active: true },
    select: { passwordHash: true },
  });
  if (!user) throw new NotFoundError("Account");
  // Through the sign-in throttle: a stolen session must not be a way to guess the password.
  await confirmPasswordOrThrow(actor, parsed.data.currentPassword, "password change", {
    field: "currentPassword",
    wrongMessage: "The current password is not correct",
  });
  // Hashing takes a few hundred milliseconds of CPU: done before the transaction opens.
  const passwordHash = await hashPassword(parsed.data.newPassword);
  await prisma.$transaction((tx) =>
    endSessionsAndTokens(
      tx,
      actor,
      "PASSWORD_CHANGE",
      // Only if the hash is still the one checked: two concurrent changes cannot both win.
      { id: actor.userId, passwordHash: user.passwordHash },
      { passwordHash },
    ),
  );
}

/**
 * Ends every session of the user (the session version moves on, so each is refused on its next
 * request) and revokes their API tokens, audited under `action` in the caller's transaction.
 */
async function endSessionsAndTokens(
  tx: Prisma.TransactionClient,
  actor: Actor,
  action: "SIGN_OUT_EVERYWHERE" | "PASSWORD_CHANGE",
  where: Prisma.UserWhereUniqueInput,
  data: Prisma.UserUpdateInput = {},
): Promise<void> {
  const user = await tx.user.update({
    where,
    data: { ...data, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  const revoked = await revokeAllApiTokensOf(tx, actor.userId, new Date());
  await writeAudit(tx, actor, {
    action,
    entityType: "user",
    entityId: actor.userId,
    changes: [
      { field: "sessionVersion", from: user.sessionVersion - 1, to: user.sessionVersion },
      { field: "apiTokensRevoked", from: null, to: revoked },
    ],
  });
}
