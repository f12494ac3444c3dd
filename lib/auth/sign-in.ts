import "server-only";
import { writeAudit } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { checkCredentials, type CredentialCheck, type SignedInUser } from "@/lib/data/users";
import { addressKey, clearThrottle, emailKey, lockThrottle, pruneThrottles, saveFailure } from "./sign-in-throttle";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, isLocked } from "./throttle-policy";

export interface SignInAttempt {
  /** Lowercased by SignInSchema. */
  email: string;
  password: string;
  /** The client address when it can be trusted (lib/auth/client-address.ts), else null. */
  address: string | null;
}

/** "throttled": refused because of a lock, whatever the password; the form may say so. */
export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" | "throttled" };

const FAILURE_REASONS: Record<Exclude<CredentialCheck["outcome"], "ok">, string> = {
  "unknown-email": "unknown email",
  deactivated: "account deactivated",
  "wrong-password": "wrong password",
};

/**
 * One sign-in attempt: throttle check, password check, counter update and audit record in
 * one transaction. Every attempt that reaches here is audited, successful or not; the
 * password itself is never stored or logged.
 */
export async function attemptSignIn(attempt: SignInAttempt, now: Date = new Date()): Promise<SignInResult> {
  const accountKey = emailKey(attempt.email);
  const ipKey = attempt.address ? addressKey(attempt.address) : null;
  const from = attempt.address ? ` from ${attempt.address}` : "";
  // scrypt runs inside the transaction (it holds the throttle row lock), hence the longer timeout.
  return getPrisma().$transaction(
    async (tx) => {
      const account = await lockThrottle(tx, accountKey, now);
      const ip = ipKey ? await lockThrottle(tx, ipKey, now) : null;
      const lockedBy = isLocked(account, now) ? "account" : ip && isLocked(ip, now) ? "address" : null;
      if (lockedBy) {
        // Refused without checking the password, so a locked account cannot be probed further.
        const userId = (await tx.user.findUnique({ where: { email: attempt.email }, select: { id: true } }))?.id ?? null;
        await writeAudit(tx, { userId, email: attempt.email }, {
          action: "SIGN_IN_FAILED",
          entityType: "user",
          entityId: userId ?? attempt.email,
          reason: `locked: too many failed sign-ins for this ${lockedBy}${from}`,
        });
        return { ok: false, reason: "throttled" };
      }

      const check = await checkCredentials(attempt.email, attempt.password, tx);
      if (check.outcome === "ok") {
        await clearThrottle(tx, accountKey);
        await pruneThrottles(tx, now);
        await writeAudit(tx, { userId: check.user.id, email: check.user.email }, {
          action: "SIGN_IN",
          entityType: "user",
          entityId: check.user.id,
          reason: from ? `signed in${from}` : null,
        });
        return { ok: true, user: check.user };
      }

      await saveFailure(tx, accountKey, account, now, ACCOUNT_LIMIT);
      if (ipKey && ip) await saveFailure(tx, ipKey, ip, now, ADDRESS_LIMIT);
      const userId = check.outcome === "unknown-email" ? null : check.userId;
      await writeAudit(tx, { userId, email: attempt.email }, {
        action: "SIGN_IN_FAILED",
        entityType: "user",
        entityId: userId ?? attempt.email,
        reason: `${FAILURE_REASONS[check.outcome]}${from}`,
      });
      return { ok: false, reason: "invalid" };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}
