import path from "node:path";
import { ensureAppRole } from "@/lib/db/app-role";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";
import { startSupervisedPostgres, type SupervisedPostgres } from "@/lib/db/supervised-postgres";
import { dataDir, numberFromEnv } from "./runtime-config";

export interface DatabaseHandle {
  /** The schema owner's connection: migrations, seeding, backups. Never handed to the app. */
  url: string;
  /** The embedded server we started, or null when DATABASE_URL points elsewhere. */
  embedded: EmbeddedServer | SupervisedPostgres | null;
}

export interface OpenDatabaseOptions {
  /** Start the embedded server again whenever it exits unexpectedly (npm start). */
  supervise?: boolean;
}

/**
 * DATABASE_URL wins (with DATABASE_OWNER_URL, when set, as the owner's connection for
 * migrations); otherwise start the embedded PostgreSQL kept in the data folder.
 */
export async function openDatabase(openOptions: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL, embedded: null };
  const options = {
    dataDir: embeddedDataDir(),
    port: numberFromEnv("TRIALDESK_DB_PORT", 54329),
    // The e2e suite starts from an empty database every run.
    fresh: process.env.TRIALDESK_FRESH_DATABASE === "1",
    log: process.env.TRIALDESK_DB_LOG ? (line: string) => console.log(`[postgres] ${line}`) : undefined,
  };
  const embedded = openOptions.supervise
    ? await startSupervisedPostgres({ ...options, report: (line) => console.log(line) })
    : await startEmbeddedPostgres(options);
  await embedded.ensureDatabase("trialdesk");
  return { url: embedded.urlFor("trialdesk"), embedded };
}

/** The folder `npm start` keeps the embedded cluster in (credentials.json and cluster/). */
export function embeddedDataDir(): string {
  return path.join(dataDir(), "postgres");
}

/**
 * The connection string the app itself gets, once migrations have run: on the embedded
 * server the non-superuser app role (created and granted here, lib/db/app-role.ts); with
 * DATABASE_URL, that URL as given (set up the role as the README says).
 */
export async function appDatabaseUrl(database: DatabaseHandle): Promise<string> {
  if (!database.embedded) return process.env.DATABASE_URL ?? database.url;
  return ensureAppRole(database.url, database.embedded.appRole);
}
