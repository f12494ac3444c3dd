import "server-only";
import { writeAudit, type AuditActor } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { ValidationError } from "@/lib/errors";
import { verifyPassword } from "./password";
import { findActiveLock } from "./sign-in";
import { clearThrottle, emailKey, lockThrottle, saveFailure } from "./sign-in-throttle";
import { ACCOUNT_LIMIT, isLocked, LOCK_MINUTES } from "./throttle-policy";

/** Why a signed-in user re-enters their password; written into the audit of a failure. */
export type PasswordPurpose = "signature" | "password change" | "API token";

/**
 * Checks the password of a signed-in user who re-enters it (electronic signature, password
 * change, minting an API token). It counts against the same per-account throttle as sign-in
 * (lib/auth/sign-in.ts): without it a stolen session could guess the password at leisure
 * through any of these forms, and five wrong guesses anywhere lock all of them and sign-in.
 * Every failure is audited. Throws a ValidationError on the given field when refused.
 */
export async function confirmPasswordOrThrow(
  actor: AuditActor & { userId: string },
  password: string,
  purpose: PasswordPurpose,
  {
    field = "password",
    wrongMessage = "The password is not correct",
    now = new Date(),
  }: { field?: string; wrongMessage?: string; now?: Date } = {},
): Promise<void> {
  const key = emailKey(actor.email);
  const lockedBefore = await findActiveLock(key, null, now);
  const user = lockedBefore
    ? null
    : await getPrisma().user.findFirst({ where: { id: actor.userId, active: true }, select: { passwordHash: true } });
  // Slow scrypt outside the transaction, as for sign-in: guesses must not hold row locks.
  const matches = user ? await verifyPassword(password, user.passwordHash) : false;

  const outcome = await getPrisma().$transaction(async (tx) => {
    const state = await lockThrottle(tx, key, now);
    if (lockedBefore || isLocked(state, now)) {
      await writeAudit(tx, actor, {
        action: "PASSWORD_CHECK_FAILED",
        entityType: "user",
        entityId: actor.userId,
        reason: `${purpose}: refused, account locked after too many wrong passwords`,
      });
      return "throttled" as const;
    }
    if (matches) {
      await clearThrottle(tx, key);
      return "ok" as const;
    }
    await saveFailure(tx, key, state, now, ACCOUNT_LIMIT);
    await writeAudit(tx, actor, {
      action: "PASSWORD_CHECK_FAILED",
      entityType: "user",
      entityId: actor.userId,
      reason: `${purpose}: wrong password`,
    });
    return "invalid" as const;
  });
  if (outcome === "throttled")
    throw new ValidationError({ [field]: [`Too many wrong passwords: try again in ${LOCK_MINUTES} minutes`] });
  if (outcome === "invalid") throw new ValidationError({ [field]: [wrongMessage] });
}
