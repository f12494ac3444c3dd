import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordFailure, type ThrottleLimit, type ThrottleState } from "./throttle-policy";

/**
 * Stores the throttle state (lib/auth/throttle-policy.ts) in PostgreSQL, so several app
 * instances share one count. Rows are locked FOR UPDATE for the whole attempt: concurrent
 * guesses for one email queue behind each other instead of all reading "0 failures" at once.
 */
export function emailKey(email: string): string {
  return `email:${email.toLowerCase()}`;
}

export function addressKey(address: string): string {
  return `ip:${address}`;
}

export async function lockThrottle(tx: Prisma.TransactionClient, key: string, now: Date): Promise<ThrottleState> {
  // Ensure a row exists so there is something to lock (the lock on a missing row is nothing).
  // (Prisma's upsert with an empty update is a select-then-insert and races; ON CONFLICT does not.)
  await tx.$executeRaw`
    INSERT INTO "sign_in_throttles" ("key", "failures", "window_started_at", "updated_at")
    VALUES (${key}, 0, ${now}, ${now}) ON CONFLICT ("key") DO NOTHING`;
  const rows = await tx.$queryRaw<{ failures: number; window_started_at: Date; locked_until: Date | null }[]>`
    SELECT "failures", "window_started_at", "locked_until" FROM "sign_in_throttles" WHERE "key" = ${key} FOR UPDATE`;
  const row = rows[0]!;
  return { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until };
}

export async function saveFailure(
  tx: Prisma.TransactionClient,
  key: string,
  state: ThrottleState,
  now: Date,
  limit: ThrottleLimit,
): Promise<ThrottleState> {
  const next = recordFailure(state.failures === 0 ? null : state, now, limit);
  await tx.signInThrottle.update({ where: { key }, data: next });
  return next;
}

export async function clearThrottle(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.signInThrottle.deleteMany({ where: { key } });
}

/** Rows untouched for a day hold no lock and no live window: drop them so the table stays small. */
export async function pruneThrottles(tx: Prisma.TransactionClient, now: Date): Promise<void> {
  await tx.signInThrottle.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - 24 * 3_600_000) } } });
}
