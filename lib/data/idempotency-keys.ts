import "server-only";
import { getPrisma } from "@/lib/db/prisma";
import { ConflictError } from "@/lib/errors";

/** How long a first answer is kept for its retries (as Stripe's API does: a day). */
const KEEP_HOURS = 24;
/** Placeholder status while the first request is still running. */
const IN_PROGRESS = 0;

export type StoredAnswer = { status: number; body: string };

/**
 * Claims the key for this user before the request runs. Returns the stored answer when the
 * request was already made; null when this request is the first (it then owns the claim and
 * must call finishIdempotentRequest or releaseIdempotencyKey). The claim is the primary key
 * row itself, so two simultaneous retries cannot both run: the second is told to wait.
 */
export async function claimIdempotencyKey(
  userId: string,
  key: string,
  requestHash: string,
): Promise<StoredAnswer | null> {
  const prisma = getPrisma();
  await prisma.$executeRaw`
    DELETE FROM "idempotency_keys"
    WHERE "user_id" = ${userId}::uuid AND "key" = ${key} AND "created_at" < now() - make_interval(hours => ${KEEP_HOURS})`;
  const inserted = await prisma.$executeRaw`
    INSERT INTO "idempotency_keys" ("user_id", "key", "request_hash", "status", "body")
    VALUES (${userId}::uuid, ${key}, ${requestHash}, ${IN_PROGRESS}, '')
    ON CONFLICT ("user_id", "key") DO NOTHING`;
  if (inserted === 1) return null;
  const row = await prisma.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
  if (!row) throw new ConflictError("This Idempotency-Key is being reused right now; retry in a moment.");
  if (row.requestHash !== requestHash)
    throw new ConflictError("This Idempotency-Key was already used for a different request.");
  if (row.status === IN_PROGRESS)
    throw new ConflictError("The first request with this Idempotency-Key is still running; retry in a moment.");
  return { status: row.status, body: row.body };
}

/** Keeps the first answer for the retries. */
export async function finishIdempotentRequest(userId: string, key: string, answer: StoredAnswer): Promise<void> {
  await getPrisma().idempotencyKey.update({
    where: { userId_key: { userId, key } },
    data: { status: answer.status, body: answer.body },
  });
}

/** The request failed on the server's side (nothing was written): a retry should run again. */
export async function releaseIdempotencyKey(userId: string, key: string): Promise<void> {
  await getPrisma().idempotencyKey.deleteMany({ where: { userId, key, status: IN_PROGRESS } });
}
