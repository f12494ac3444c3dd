import path from "node:path";
import { ensureDatabase } from "@/lib/db/embedded-postgres";
import { checksumTables, restoreDatabase } from "@/lib/db/backup";
import { openDatabase } from "./database";

/**
 * `npm run db:restore -- file.dump [database]`: pg_restore into an empty database. With
 * DATABASE_URL that database must exist and be empty; on the embedded server the database
 * (default `trialdesk_restored`) is created. Point DATABASE_URL at it to use the copy.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("Usage: npm run db:restore -- <file.dump> [database name on the embedded server]");
  const database = await openDatabase();
  try {
    let target = database.url;
    if (database.embedded) {
      const name = process.argv[3] ?? "trialdesk_restored";
      await ensureDatabase(database.embedded.urlFor("postgres"), name);
      target = database.embedded.urlFor(name);
    }
    await restoreDatabase(path.resolve(file), target);
    const tables = await checksumTables(target);
    for (const [table, { rows }] of Object.entries(tables)) console.log(`${table.padEnd(28)} ${rows} rows`);
    console.log(`Restored ${file}${database.embedded ? ` into database ${new URL(target).pathname.slice(1)}` : ""}.`);
  } finally {
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
