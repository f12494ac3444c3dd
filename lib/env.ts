import { z } from "zod";

/**
 * The app's configuration, parsed once. A wrong value stops the server with a message
 * naming the variable instead of failing later on a request.
 */
const EnvSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (npm start sets it for the embedded database)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string"),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is required (npm start generates one in demo mode)" })
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  /**
   * Connections this app instance keeps open to PostgreSQL. Several instances share the
   * server's max_connections (the sum of their pools must stay below it).
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TRIALDESK_MODE: z.enum(["demo", "production"]).default("demo"),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  /** Hours after sign-in at which a session ends however active it was (the user signs in again). */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  /**
   * How many reverse proxies in front of the app append the client address to
   * X-Forwarded-For (0: none, the header is ignored and per-address throttling is off).
   */
  TRUST_PROXY: z
    .preprocess(
      (value) => (value === "true" ? 1 : value === "false" || value === "" ? 0 : value),
      z.coerce.number().int().min(0).max(5),
    )
    .default(0),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * Scheduled backups of the embedded database (issue 20), read by `npm start` before the app's
 * own variables exist, hence a schema of their own.
 */
const BackupEnvSchema = z.object({
  /** Hours between two backups; 0 turns scheduled backups off. */
  TRIALDESK_BACKUP_INTERVAL_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 31)
    .default(24),
  /** Archives older than this many days are deleted (the newest one is always kept). */
  TRIALDESK_BACKUP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(14),
  /** Where archives are written (relative to the working directory); default .data/backups. */
  TRIALDESK_BACKUP_DIR: z.string().min(1).optional(),
});

export interface BackupSettings {
  intervalHours: number;
  retentionDays: number;
  dir: string;
}

export function getBackupSettings(
  env: Record<string, string | undefined> = process.env,
  dataDir = ".data",
): BackupSettings {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = BackupEnvSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid backup configuration:\n${problems.join("\n")}`);
  }
  return {
    intervalHours: parsed.data.TRIALDESK_BACKUP_INTERVAL_HOURS,
    retentionDays: parsed.data.TRIALDESK_BACKUP_RETENTION_DAYS,
    dir: parsed.data.TRIALDESK_BACKUP_DIR ?? `${dataDir}/backups`,
  };
}
