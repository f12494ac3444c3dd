import { mkdir } from "node:fs/promises";
import path from "node:path";
import { backupDatabase, checksumTables } from "@/lib/db/backup";
import { runBackup } from "@/lib/db/backup-schedule";
import { applyMigrations } from "@/lib/db/migrate";
import { getBackupSettings } from "@/lib/env";
import { openDatabase } from "./database";
import { dataDir } from "./runtime-config";

/**
 * `npm run db:backup`: with the embedded database, a base backup now (the same one the
 * schedule takes, recorded in backup_runs as "manual"), into TRIALDESK_BACKUP_DIR. Run it with
 * the app stopped (it starts the embedded server for the time of the backup).
 *
 * `npm run db:backup [-- file.dump]` with DATABASE_URL: pg_dump (custom format) of that
 * database, which needs client tools of the server's major version.
 */
async function main(): Promise<void> {
  const database = await openDatabase();
  try {
    if (database.embedded) {
      const settings = getBackupSettings(process.env, dataDir());
      // backup_runs must exist to record the run: the migrations npm start would apply anyway.
      await applyMigrations(database.url);
      const run = await runBackup(
        {
          adminUrl: database.embedded.urlFor("postgres"),
          clusterDir: database.embedded.clusterDir,
          appDatabaseUrl: database.url,
        },
        settings,
        "manual",
      );
      if (!run.succeeded) throw new Error(`Backup failed: ${run.error}`);
      console.log(
        `Base backup written to ${path.resolve(settings.dir, run.fileName!)} (${run.sizeBytes} bytes, sha256 ${run.sha256}).`,
      );
      return;
    }
    const file = path.resolve(
      process.argv[2] ?? path.join("backups", `trialdesk-${new Date().toISOString().replace(/[:.]/g, "-")}.dump`),
    );
    await mkdir(path.dirname(file), { recursive: true });
    await backupDatabase(database.url, file);
    const tables = await checksumTables(database.url);
    for (const [table, { rows }] of Object.entries(tables)) console.log(`${table.padEnd(28)} ${rows} rows`);
    console.log(`Backup written to ${file}`);
  } finally {
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
