import { z } from "zod";

const MailEnvSchema = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.hospital.example:587")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Trialdesk <trialdesk@localhost>"),
  TRIALDESK_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(2525),
  TRIALDESK_MAIL_INTERVAL_SECONDS: z.coerce.number().min(1).max(3600).default(15),
  TRIALDESK_MAIL_RETRY_SECONDS: z.coerce.number().min(1).max(3600).default(30),
});

export interface MailSettings {
  /** null: no mail server configured (production) - alerts wait in the outbox. */
  smtpUrl: string | null;
  from: string;
  /** In demo mode without SMTP_URL, the local SMTP server listens here. */
  localSmtpPort: number;
  intervalMs: number;
  /** Wait before the first retry of a message that failed; doubled after each further failure. */
  retryBaseMs: number;
}

/** The mail configuration from the environment; a clear message names a wrong variable. */
export function getMailSettings(env: Record<string, string | undefined> = process.env): MailSettings {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = MailEnvSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    throw new Error(
      `Invalid mail configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`,
    );
  }
  return {
    smtpUrl: parsed.data.SMTP_URL ?? null,
    from: parsed.data.MAIL_FROM,
    localSmtpPort: parsed.data.TRIALDESK_SMTP_PORT,
    intervalMs: parsed.data.TRIALDESK_MAIL_INTERVAL_SECONDS * 1000,
    retryBaseMs: parsed.data.TRIALDESK_MAIL_RETRY_SECONDS * 1000,
  };
}
