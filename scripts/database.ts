import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";
import { dataDir, numberFromEnv } from "./runtime-config";

export interface DatabaseHandle {
  url: string;
  /** The embedded server we started, or null when DATABASE_URL points elsewhere. */
  embedded: EmbeddedServer | null;
}

/** DATABASE_URL wins; otherwise start the embedded PostgreSQL kept in the data folder. */
export async function openDatabase(): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(dataDir(), "postgres"),
    port: numberFromEnv("TRIALDESK_DB_PORT", 54329),
    // The e2e suite starts from an empty database every run.
    fresh: process.env.TRIALDESK_FRESH_DATABASE === "1",
    log: process.env.TRIALDESK_DB_LOG ? (line) => console.log(`[postgres] ${line}`) : undefined,
  });
  await embedded.ensureDatabase("trialdesk");
  return { url: embedded.urlFor("trialdesk"), embedded };
}
