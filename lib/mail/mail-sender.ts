import type { PrismaClient } from "@/lib/generated/prisma/client";

/** What the sender needs of nodemailer's transport (a fake in no test: tests use a real SMTP server). */
export interface MailTransport {
  sendMail(message: { from: string; to: string[]; subject: string; text: string }): Promise<unknown>;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/** After this many failed attempts a message is FAILED (shown to the administrator), not retried. */
export const MAX_ATTEMPTS = 20;
/** Claimed messages are not picked by another sender for this long (a crashed sender's claim expires). */
const CLAIM_MS = 5 * 60_000;

/** The first retry's wait by default (TRIALDESK_MAIL_RETRY_SECONDS). */
export const DEFAULT_RETRY_BASE_MS = 30_000;

/** Wait after the n-th failed attempt: 30 s doubling up to an hour (a mail server down for hours is retried hourly until MAX_ATTEMPTS). */
export function retryDelayMs(attempts: number, baseMs = DEFAULT_RETRY_BASE_MS): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

interface Claimed {
  id: bigint;
  recipients: unknown;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Sends the outbox's due messages: claims a batch (FOR UPDATE SKIP LOCKED, so several app
 * instances never send one message twice at once), sends each through the transport and
 * records SENT, or the error and the next attempt. Delivery is at least once: a sender that
 * dies between sending and recording sends that message again after the claim expires.
 */
export async function deliverPendingMail(
  prisma: PrismaClient,
  transport: MailTransport,
  options: { from: string; batch?: number; retryBaseMs?: number },
): Promise<DeliveryReport> {
  const claimed = await prisma.$queryRaw<Claimed[]>`
    UPDATE "mail_outbox" SET "next_attempt_at" = now() + ${`${CLAIM_MS} milliseconds`}::interval
    WHERE "id" IN (
      SELECT "id" FROM "mail_outbox" WHERE "status" = 'PENDING' AND "next_attempt_at" <= now()
      ORDER BY "id" LIMIT ${options.batch ?? 20} FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "recipients", "subject", "body", "attempts"`;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  for (const message of claimed.sort((a, b) => Number(a.id - b.id))) {
    try {
      await transport.sendMail({
        from: options.from,
        to: message.recipients as string[],
        subject: message.subject,
        text: message.body,
      });
      await prisma.mailOutbox.update({
        where: { id: message.id },
        data: { status: "SENT", sentAt: new Date(), attempts: message.attempts + 1, lastError: null },
      });
      report.sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await prisma.mailOutbox.update({
        where: { id: message.id },
        data: {
          attempts,
          status: giveUp ? "FAILED" : "PENDING",
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts, options.retryBaseMs)),
        },
      });
      if (giveUp) report.failed++;
      else report.retried++;
    }
  }
  return report;
}
