import { mkdir } from "node:fs/promises";
import path from "node:path";
import { backupDatabase, checksumTables } from "@/lib/db/backup";
import { openDatabase } from "./database";

/**
 * `npm run db:backup [-- file.dump]`: pg_dump (custom format) of DATABASE_URL, or of the
 * embedded database when the app is stopped. Prints each table's row count for the record.
 */
async function main(): Promise<void> {
  const file = path.resolve(process.argv[2] ?? path.join("backups", `trialdesk-${new Date().toISOString().replace(/[:.]/g, "-")}.dump`));
  await mkdir(path.dirname(file), { recursive: true });
  const database = await openDatabase();
  try {
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
