import "server-only";
import { writeAudit } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkCredentials, type CredentialCheck, type SignedInUser } from "@/lib/auth/credentials";
import { addressKey, clearThrottle, emailKey, lockThrottle, pruneThrottles, saveFailure } from "./sign-in-throttle";
import { DEFAULT_SESSION_ABSOLUTE_HOURS } from "./session-token";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, isLocked } from "./throttle-policy";
import { openUserSession, pruneUserSessions } from "./user-sessions";

export interface SignInAttempt {
  /** Lowercased by SignInSchema. */
  email: string;
  password: string;
  /** The client address when it can be trusted (lib/auth/client-address.ts), else null. */
  address: string | null;
  /** The session's absolute lifetime (SESSION_ABSOLUTE_HOURS). */
  sessionHours?: number;
}

/** "throttled": refused because of a lock, whatever the password; the form may say so. */
export type SignInResult =
  { ok: true; user: SignedInUser & { sessionId: string } } | { ok: false; reason: "invalid" | "throttled" };

const FAILURE_REASONS: Record<Exclude<CredentialCheck["outcome"], "ok">, string> = {
  "unknown-email": "unknown email",
  deactivated: "account deactivated",
  "wrong-password": "wrong password",
};

/**
 * One sign-in attempt. The slow, memory-hard password check runs outside any transaction,
 * so concurrent guesses cannot hold database connections and row locks for its duration
 * (which would starve every other request of the pool). The counting then happens in a
 * short transaction under the throttle rows' lock, and the lock is checked again there: a
 * guess that arrives once the account is locked is refused uncounted, even with the right
 * password. Every attempt is audited; the password itself is never stored or logged.
 */
export async function attemptSignIn(attempt: SignInAttempt, now: Date = new Date()): Promise<SignInResult> {
  const accountKey = emailKey(attempt.email);
  const ipKey = attempt.address ? addressKey(attempt.address) : null;
  const from = attempt.address ? ` from ${attempt.address}` : "";

  // Cheap pre-check: an account already locked is refused without spending scrypt on it.
  const lockedBefore = await findActiveLock(accountKey, ipKey, now);
  const check = lockedBefore ? null : await checkCredentials(attempt.email, attempt.password);

  // A refused attempt is audited under the email tried, and the user's id when the account exists.
  const auditFailure = (tx: Prisma.TransactionClient, userId: string | null, reason: string) =>
    writeAudit(
      tx,
      { userId, email: attempt.email },
      { action: "SIGN_IN_FAILED", entityType: "user", entityId: userId ?? attempt.email, reason },
    );

  return getPrisma().$transaction(async (tx) => {
    const account = await lockThrottle(tx, accountKey, now);
    const ip = ipKey ? await lockThrottle(tx, ipKey, now) : null;
    const lockedBy = isLocked(account, now) ? "account" : ip && isLocked(ip, now) ? "address" : null;
    if (lockedBy || !check) {
      const userId = (await tx.user.findUnique({ where: { email: attempt.email }, select: { id: true } }))?.id ?? null;
      await auditFailure(tx, userId, `locked: too many failed sign-ins for this ${lockedBy ?? lockedBefore}${from}`);
      return { ok: false, reason: "throttled" };
    }

    if (check.outcome === "ok") {
      await clearThrottle(tx, accountKey);
      await pruneThrottles(tx, now);
      await pruneUserSessions(tx, now);
      const sessionId = await openUserSession(
        tx,
        check.user.id,
        now,
        attempt.sessionHours ?? DEFAULT_SESSION_ABSOLUTE_HOURS,
      );
      await writeAudit(
        tx,
        { userId: check.user.id, email: check.user.email },
        {
          action: "SIGN_IN",
          entityType: "user",
          entityId: check.user.id,
          reason: from ? `signed in${from}` : null,
        },
      );
      return { ok: true, user: { ...check.user, sessionId } };
    }

    await saveFailure(tx, accountKey, account, now, ACCOUNT_LIMIT);
    if (ipKey && ip) await saveFailure(tx, ipKey, ip, now, ADDRESS_LIMIT);
    const userId = check.outcome === "unknown-email" ? null : check.userId;
    await auditFailure(tx, userId, `${FAILURE_REASONS[check.outcome]}${from}`);
    return { ok: false, reason: "invalid" };
  });
}

/** Which key, if any, is locked now (a cheap read before any scrypt is spent). */
export async function findActiveLock(
  accountKey: string,
  ipKey: string | null,
  now: Date,
): Promise<"account" | "address" | null> {
  const rows = await getPrisma().signInThrottle.findMany({
    where: { key: { in: ipKey ? [accountKey, ipKey] : [accountKey] }, lockedUntil: { gt: now } },
    select: { key: true },
  });
  if (rows.some((r) => r.key === accountKey)) return "account";
  return rows.length ? "address" : null;
}
