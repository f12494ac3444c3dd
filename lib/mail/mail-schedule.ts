import nodemailer from "nodemailer";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deliverPendingMail } from "./mail-sender";

export interface MailSchedule {
  stop(): Promise<void>;
}

/**
 * Sends the outbox every `intervalMs` through SMTP_URL (nodemailer), one round at a time. A
 * round that fails (database or mail server away) is logged and the next one tries again:
 * the messages wait in the outbox, so nothing is lost and no save ever waits for mail.
 */
export function scheduleMailDelivery(options: {
  prisma: PrismaClient;
  smtpUrl: string;
  from: string;
  intervalMs: number;
  retryBaseMs?: number;
  log: (line: string) => void;
}): MailSchedule {
  const transport = nodemailer.createTransport(options.smtpUrl);
  let running: Promise<void> | null = null;
  let lastError: string | null = null;
  const round = async () => {
    try {
      const report = await deliverPendingMail(options.prisma, transport, {
        from: options.from,
        retryBaseMs: options.retryBaseMs,
      });
      if (report.sent || report.retried || report.failed)
        options.log(`Mail: ${report.sent} sent, ${report.retried} to retry, ${report.failed} given up.`);
      lastError = null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Once per outage, not every few seconds.
      if (message !== lastError) options.log(`Mail delivery round failed (will retry): ${message}`);
      lastError = message;
    }
  };
  const timer = setInterval(() => {
    running ??= round().finally(() => (running = null));
  }, options.intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
