import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { backfillProjectionsAfterMigration } from "@/lib/data/projections-rebuild";
import { scheduleBackups, type BackupSchedule } from "@/lib/db/backup-schedule";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { takeOverShutdownSignals } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { getPrisma } from "@/lib/db/prisma";
import { getBackupSettings } from "@/lib/env";
import { seedDemoData } from "@/lib/demo/seed-demo";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import { runScheduledAlerts } from "@/lib/data/scheduled-alerts";
import { scheduleAlerts, type AlertSchedule } from "@/lib/mail/alert-schedule";
import { startLocalSmtpServer, type LocalSmtpServer } from "@/lib/mail/local-smtp-server";
import { armLocalSmtpSwitch, isLocalSmtpSwitchEnabled, localSmtpSwitchFile } from "@/lib/mail/local-smtp-switch";
import { scheduleMailDelivery, type MailSchedule } from "@/lib/mail/mail-schedule";
import { getMailSettings } from "@/lib/mail/mail-settings";
import { isBuildCurrent, recordBuild } from "./build-stamp";
import { appDatabaseUrl, openDatabase, type DatabaseHandle } from "./database";
import { appMode, dataDir, numberFromEnv, resolveAuthSecret } from "./runtime-config";

/**
 * `npm start` / `npm run dev`: database (embedded unless DATABASE_URL is set), migrations,
 * demo seed, build when needed, then Next.js. Ctrl-C or SIGTERM stops Next first and the
 * database last, so no request is cut off from its database and no postgres is orphaned.
 * The embedded database is supervised (started again if it exits unexpectedly) and backed up
 * on a schedule (lib/db/backup-schedule.ts).
 */
const dev = process.argv.includes("--dev");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** How often the time-driven alerts are looked for: an overdue SAE report is mailed within this long. */
const ALERT_INTERVAL_MS = 5 * 60_000;

let database: DatabaseHandle | null = null;
let next: ChildProcess | null = null;
let backups: BackupSchedule | null = null;
let mail: MailSchedule | null = null;
let alerts: AlertSchedule | null = null;
let localSmtp: LocalSmtpServer | null = null;
let stopping: Promise<never> | null = null;

/**
 * One shutdown, however many times it is asked for (a second Ctrl-C, Next exiting because we
 * stopped it): the app first, the database last, then exit with the first caller's code.
 */
function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    if (database?.embedded && "expectExit" in database.embedded) database.embedded.expectExit();
    if (next && next.exitCode === null && next.signalCode === null) {
      const exited = new Promise((resolve) => next?.once("exit", resolve));
      next.kill("SIGTERM");
      await exited;
      console.log("App stopped.");
    }
    await alerts?.stop();
    await mail?.stop();
    await localSmtp?.close();
    // A backup under way finishes first: the database must not stop under its copy.
    await backups?.stop();
    if (database?.embedded) {
      await database.embedded.stop();
      console.log("Embedded PostgreSQL stopped.");
    }
    process.exit(code);
  })();
  return stopping;
}

function runNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
}

/**
 * The demo cohort is entered through lib/data, i.e. with the app's own configuration and
 * database client; a failure is reported and the app starts anyway.
 */
async function seedCohort(env: NodeJS.ProcessEnv): Promise<void> {
  process.env.DATABASE_URL = env.DATABASE_URL;
  process.env.NEXTAUTH_SECRET = env.NEXTAUTH_SECRET;
  process.env.TRIALDESK_MODE = "demo";
  try {
    const cohort = await seedDemoCohort("demo");
    console.log(
      `Demo cohort: ${cohort.patientsCreated} patients and ${cohort.formsSaved} forms created${cohort.sitesSkipped.length ? `; sites with other patients left alone: ${cohort.sitesSkipped.join(", ")}` : ""}.`,
    );
    for (const problem of cohort.problems) console.warn(`Demo cohort: ${problem}`);
  } catch (error) {
    console.warn(`Demo cohort not created: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await getPrisma().$disconnect();
  }
}

/**
 * Alert emails (lib/mail): this process sends the outbox through SMTP_URL. In demo mode without
 * SMTP_URL a local SMTP server receives them into <data dir>/mail as .eml files (nothing leaves
 * the machine); in production without SMTP_URL they wait in the outbox (Administration > Alert emails).
 */
async function startMail(mode: string, appUrl: string): Promise<void> {
  const settings = getMailSettings();
  let smtpUrl = settings.smtpUrl;
  if (!smtpUrl && mode === "demo") {
    const startLocal = () =>
      startLocalSmtpServer({
        port: settings.localSmtpPort,
        dir: `${dataDir()}/mail`,
        log: (line) => console.log(line),
      });
    try {
      localSmtp = await startLocal();
      // e2e only (lib/mail/local-smtp-switch.ts): a file in the data folder stops and restarts it.
      if (isLocalSmtpSwitchEnabled(mode)) {
        localSmtp = armLocalSmtpSwitch({
          file: localSmtpSwitchFile(dataDir()),
          server: localSmtp,
          start: startLocal,
          log: (line) => console.log(line),
        });
      }
    } catch (error) {
      // The app runs without it: alerts wait in the outbox (e.g. another app already holds the port).
      console.warn(
        `Local SMTP server not started on port ${settings.localSmtpPort} (TRIALDESK_SMTP_PORT): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    smtpUrl = `smtp://127.0.0.1:${settings.localSmtpPort}`;
  }
  if (!smtpUrl) {
    console.log("SMTP_URL is not set: alert emails wait in the outbox until it is.");
    return;
  }
  mail = scheduleMailDelivery({
    prisma: createPrismaClient(appUrl, 2),
    smtpUrl,
    from: settings.from,
    intervalMs: settings.intervalMs,
    retryBaseMs: settings.retryBaseMs,
    log: (line) => console.log(line),
  });
}

async function main(): Promise<void> {
  // Ours alone: embedded-postgres would otherwise stop the database first and exit with 143.
  takeOverShutdownSignals();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));
  const mode = appMode();
  const port = numberFromEnv("PORT", 3000);
  const backupSettings = getBackupSettings(process.env, dataDir());

  database = await openDatabase({ supervise: true });
  console.log(database.embedded ? `Embedded PostgreSQL on port ${database.embedded.port}.` : "Using DATABASE_URL.");
  const migrations = await applyMigrations(database.url, undefined, (line) => console.log(line));
  console.log(`Migrations: ${migrations.applied.length} applied, ${migrations.alreadyApplied.length} already applied.`);
  await backfillProjectionsAfterMigration(database.url, migrations, (line) => console.log(line));
  // Migrations ran as the schema owner; the app gets a role that cannot alter the audit trail.
  const appUrl = await appDatabaseUrl(database);
  const embedded = database.embedded;
  if (embedded) {
    // Backups are taken and recorded (backup_runs) with the owner's connection.
    const ownerUrl = database.url;
    backups = scheduleBackups(
      () => ({ adminUrl: embedded.urlFor("postgres"), clusterDir: embedded.clusterDir, appDatabaseUrl: ownerUrl }),
      backupSettings,
      (line) => console.log(line),
    );
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: appUrl,
    // The owner's credentials stay with this script (migrations), never in the app's process.
    DATABASE_OWNER_URL: undefined,
    NEXTAUTH_SECRET: await resolveAuthSecret(mode),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    TRIALDESK_MODE: mode,
    NEXT_TELEMETRY_DISABLED: "1",
    // The admin page and the work-list warn about backups only when this process takes them.
    TRIALDESK_SCHEDULED_BACKUPS: database.embedded && backupSettings.intervalHours > 0 ? "on" : "off",
    TRIALDESK_DATA_DIR: dataDir(),
  };

  if (mode === "demo") {
    const prisma = createPrismaClient(database.url, 2);
    const seeded = await seedDemoData(prisma, mode).finally(() => prisma.$disconnect());
    console.log(`Demo data: ${seeded.sitesCreated} sites and ${seeded.usersCreated} users created.`);
    await seedCohort(env);
  }

  await startMail(mode, appUrl);
  // Overdue SAE reports and the daily overdue-forms digest (lib/data/scheduled-alerts.ts) read
  // through lib/data with the app's own restricted role, like the demo cohort above.
  process.env.DATABASE_URL = appUrl;
  process.env.NEXTAUTH_SECRET = env.NEXTAUTH_SECRET;
  alerts = scheduleAlerts({ run: runScheduledAlerts, intervalMs: ALERT_INTERVAL_MS, log: (line) => console.log(line) });

  if (!dev && !(await isBuildCurrent())) {
    console.log("Building the app (first start or sources changed)...");
    const build = runNext(["build"], env);
    next = build;
    const code = await new Promise<number>((resolve) => build.once("exit", (c) => resolve(c ?? 1)));
    if (code !== 0) return void shutdown(code);
    await recordBuild();
  }
  if (stopping) return;

  next = runNext(dev ? ["dev", "-p", String(port)] : ["start", "-p", String(port)], env);
  // Next exiting by itself (not because shutdown() stopped it) ends npm start with its code.
  next.once("exit", (code) => void shutdown(code ?? 1));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
