import "server-only";
import { writeAudit } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Server-side browser sessions (user_sessions). The signed cookie names its row; get-actor
 * accepts the cookie only while the row is neither ended nor expired. Without it, sign-out
 * only deleted the cookie in this browser, and a copy of it (stolen, or left in a proxy log)
 * kept working until its idle timeout, renewed at every use.
 */

/** Opens a session at sign-in (inside the sign-in transaction); returns its id for the cookie. */
export async function openUserSession(
  tx: Prisma.TransactionClient,
  userId: string,
  now: Date,
  absoluteHours: number,
): Promise<string> {
  const row = await tx.userSession.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + absoluteHours * 3_600_000) },
    select: { id: true },
  });
  return row.id;
}

/** Ends one session (sign-out), audited; ending an already ended or unknown one does nothing. */
export async function endUserSession(sessionId: string, now: Date = new Date()): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({
      where: { id: sessionId, endedAt: null },
      data: { endedAt: now },
    });
    if (!count) return;
    const session = await tx.userSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { user: { select: { id: true, email: true } } },
    });
    await writeAudit(
      tx,
      { userId: session.user.id, email: session.user.email },
      { action: "SIGN_OUT", entityType: "user", entityId: session.user.id },
    );
  });
}

/** Sessions a day past their end are of no further use: dropped so the table stays small. */
export async function pruneUserSessions(tx: Prisma.TransactionClient, now: Date): Promise<void> {
  await tx.userSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3_600_000) } } });
}
