import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/prisma";
import { ForbiddenError } from "@/lib/errors";
import type { Prisma, Role } from "@/lib/generated/prisma/client";

/** The study whose outbox this is (one study per instance today; the table is keyed by study). */
const STUDY_ID = 1;

export interface AlertMail {
  kind: string;
  /** Set for events that must alert once however often they are seen (a boundary crossed). */
  dedupeKey?: string;
  /** Who needs it: active users holding one of these roles trial-wide or at `siteId`. */
  roles: readonly Role[];
  /** Instead of the roles: these users (a digest written for one person). */
  userIds?: readonly string[];
  siteId: string | null;
  patientId: string | null;
  subject: string;
  body: string;
}

/**
 * Writes an alert into the outbox inside the caller's transaction (the transactional outbox):
 * the email exists exactly when the event was committed, and sending it later (lib/mail/mail-sender)
 * can neither block nor lose the save. Recipients are resolved now, as the roles stand at the event.
 * Returns 1 when a message was queued, 0 when nobody holds the roles or the dedupe key is taken.
 */
export async function enqueueAlertMail(tx: Prisma.TransactionClient, mail: AlertMail): Promise<number> {
  const users = await tx.user.findMany({
    where: mail.userIds
      ? { active: true, id: { in: [...mail.userIds] } }
      : {
          active: true,
          roleAssignments: {
            some: {
              role: { in: [...mail.roles] },
              OR: [{ siteId: null }, ...(mail.siteId ? [{ siteId: mail.siteId }] : [])],
            },
          },
        },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  if (!users.length) return 0;
  const { count } = await tx.mailOutbox.createMany({
    data: [
      {
        studyId: STUDY_ID,
        kind: mail.kind,
        dedupeKey: mail.dedupeKey ?? null,
        recipients: users.map((u) => u.email),
        subject: mail.subject,
        body: mail.body,
        siteId: mail.siteId,
        patientId: mail.patientId,
      },
    ],
    skipDuplicates: true,
  });
  return count;
}

export interface OutboxMessageView {
  id: string;
  kind: string;
  recipients: string[];
  subject: string;
  body: string;
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** The latest alert emails and their delivery state: for administrators only (they hold user.admin). */
export async function listOutbox(actor: Actor, limit = 200): Promise<OutboxMessageView[]> {
  if (!hasPermission(actor, "user.admin")) throw new ForbiddenError();
  const rows = await getPrisma().mailOutbox.findMany({
    where: { studyId: STUDY_ID },
    orderBy: { id: "desc" },
    take: limit,
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    kind: r.kind,
    recipients: (r.recipients as string[]) ?? [],
    subject: r.subject,
    body: r.body,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    lastError: r.lastError,
    sentAt: r.sentAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}
