import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { verifyBackup } from "./base-backup";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";

/**
 * Unpacks a base backup (lib/db/base-backup.ts) into a NEW data folder, never over an
 * existing one. On its first start PostgreSQL finds backup_label and replays the WAL shipped
 * in pg_wal up to the backup's end, then opens the database (PostgreSQL 17, "Recovering Using
 * a Continuous Archive Backup"; with no recovery.signal this is crash recovery from the label's
 * checkpoint, which needs no WAL archive because the backup carries its own WAL).
 */
const run = promisify(execFile);

export async function unpackBaseBackup(file: string, targetDataDir: string): Promise<void> {
  await verifyBackup(file);
  if (existsSync(targetDataDir) && (await readdir(targetDataDir)).length > 0) {
    throw new Error(`${targetDataDir} is not empty: a backup is only ever restored into a new, empty folder.`);
  }
  await mkdir(targetDataDir, { recursive: true });
  await run("tar", ["-xzf", file, "-C", targetDataDir], { maxBuffer: 16 * 2 ** 20 });
  const cluster = path.join(targetDataDir, "cluster");
  if (!existsSync(path.join(cluster, "PG_VERSION")))
    throw new Error(`${path.basename(file)} holds no PostgreSQL data folder.`);
  if (!existsSync(path.join(targetDataDir, "credentials.json")))
    throw new Error(`${path.basename(file)} has no credentials.json: it is not a Trialdesk base backup.`);
  // PostgreSQL refuses a data folder that is not private to the user it runs as.
  await chmod(cluster, 0o700);
  if (process.getuid?.() === 0) await run("chown", ["-R", "postgres:postgres", cluster]);
}

export interface InspectionOptions {
  port: number;
  log?: (line: string) => void;
}

/** Starts an unpacked backup with every transaction read-only (an inspection copy). */
export function startReadOnly(dataDir: string, options: InspectionOptions): Promise<EmbeddedServer> {
  return startEmbeddedPostgres({
    dataDir,
    port: options.port,
    log: options.log,
    extraFlags: ["-c", "default_transaction_read_only=on"],
  });
}
