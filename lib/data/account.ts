import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { confirmPasswordOrThrow } from "@/lib/auth/confirm-password";
import { hashPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit/audit-log";
import { revokeAllApiTokensOf } from "@/lib/data/api-tokens";
import { getPrisma } from "@/lib/db/prisma";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { changePasswordSchemaFor } from "@/lib/schemas/change-password";

/**
 * The signed-in user's own account. No permission is checked beyond being the user: every
 * function acts on actor.userId only, never on an id from the request.
 */

/** Ends every session of the user, this one included, on their next request. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: actor.userId },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    const revoked = await revokeAllApiTokensOf(tx, actor.userId, new Date());
    await writeAudit(tx, actor, {
      action: "SIGN_OUT_EVERYWHERE",
      entityType: "user",
      entityId: actor.userId,
      changes: [
        { field: "sessionVersion", from: user.sessionVersion - 1, to: user.sessionVersion },
        { field: "apiTokensRevoked", from: null, to: revoked },
      ],
    });
  });
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
  await prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
      // Only if the hash is still the one checked: two concurrent changes cannot both win.
      where: { id: actor.userId, passwordHash: user.passwordHash },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    const revoked = await revokeAllApiTokensOf(tx, actor.userId, new Date());
    await writeAudit(tx, actor, {
      action: "PASSWORD_CHANGE",
      entityType: "user",
      entityId: actor.userId,
      changes: [
        { field: "sessionVersion", from: updated.sessionVersion - 1, to: updated.sessionVersion },
        { field: "apiTokensRevoked", from: null, to: revoked },
      ],
    });
  });
}
