import { backfillProjectionsAfterMigration } from "@/lib/data/projections-rebuild";
import { applyMigrations } from "@/lib/db/migrate";
import { openDatabase } from "./database";

/** `npm run db:migrate`: apply pending migrations to DATABASE_URL or the embedded database. */
async function main(): Promise<void> {
  const database = await openDatabase();
  try {
    const result = await applyMigrations(database.url, undefined, (line) => console.log(line));
    console.log(`${result.applied.length} applied, ${result.alreadyApplied.length} already applied.`);
    await backfillProjectionsAfterMigration(database.url, result, (line) => console.log(line));
  } finally {
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
