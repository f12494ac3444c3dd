import { existsSync, readFileSync } from "node:fs";
import { rename } from "node:fs/promises";
import path from "node:path";
import { checksumTables, restoreDatabase } from "@/lib/db/backup";
import { BACKUP_SUFFIX } from "@/lib/db/base-backup";
import { ensureDatabase, findFreePort, isPortFree, takeOverShutdownSignals } from "@/lib/db/embedded-postgres";
import { startReadOnly, unpackBaseBackup } from "@/lib/db/restore-base-backup";
import { embeddedDataDir, openDatabase } from "./database";
import { dataDir, numberFromEnv } from "./runtime-config";

/**
 * `npm run db:restore -- <backup.tar.gz>`: unpack a base backup into a NEW folder under
 * .data/restores/ and start it read-only for inspection (Ctrl-C stops it; the folder stays).
 *
 * `npm run db:restore -- <backup.tar.gz> --replace-live --confirm`: with the app stopped, make
 * that backup the live embedded database. The backup is unpacked and started once in a new
 * folder first; only then is the live folder renamed aside (.data/postgres.replaced-<time>,
 * never deleted) and the restored one put in its place.
 *
 * `npm run db:restore -- <file.dump> [database]`: a pg_dump archive (npm run db:backup) into an
 * empty database, as before.
 */
const USAGE =
  "Usage: npm run db:restore -- <backup.tar.gz> [--replace-live --confirm]   or   npm run db:restore -- <file.dump> [database]";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith("--"));
  if (!file) throw new Error(USAGE);
  if (file.endsWith(".dump")) return restoreDump(path.resolve(file), args.filter((arg) => !arg.startsWith("--"))[1]);
  if (!file.endsWith(BACKUP_SUFFIX))
    throw new Error(`${file} is neither a base backup (${BACKUP_SUFFIX}) nor a pg_dump archive (.dump).\n${USAGE}`);
  if (args.includes("--replace-live")) return replaceLive(path.resolve(file), args.includes("--confirm"));
  return inspect(path.resolve(file));
}

async function inspect(file: string): Promise<void> {
  const target = path.join(dataDir(), "restores", `${path.basename(file, BACKUP_SUFFIX)}-restored-${stamp()}`);
  await unpackBaseBackup(file, target);
  console.log(`Checksum verified; unpacked into ${target}.`);
  takeOverShutdownSignals();
  const server = await startReadOnly(target, { port: numberFromEnv("TRIALDESK_RESTORE_PORT", await findFreePort()) });
  const url = server.urlFor("trialdesk");
  await printTables(url);
  console.log(
    `\nThe restored copy is running READ-ONLY on port ${server.port}:\n  ${url}\nInspect it with psql or point a second app at it (DATABASE_URL). Ctrl-C stops it; the folder stays until you delete it.`,
  );
  await new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  });
  await server.stop();
  console.log("Restored copy stopped.");
}

async function replaceLive(file: string, confirmed: boolean): Promise<void> {
  if (process.env.DATABASE_URL)
    throw new Error(
      "--replace-live replaces the EMBEDDED database; with DATABASE_URL set, restore into your own server instead.",
    );
  const live = embeddedDataDir();
  if (!confirmed) {
    throw new Error(
      `This would replace the live database in ${live} with ${path.basename(file)}; every change made since that backup would no longer be in the live database ` +
        `(the current folder is kept aside, not deleted). Stop the app, then run again with --replace-live --confirm.`,
    );
  }
  if (await liveServerRunning(live))
    throw new Error(`The embedded PostgreSQL in ${live} is running: stop the app (npm start) first.`);

  const restored = `${live}.restoring-${stamp()}`;
  await unpackBaseBackup(file, restored);
  // One start in the new folder replays the backup's WAL and proves it opens, before any rename.
  const check = await startReadOnly(restored, { port: await findFreePort() });
  await printTables(check.urlFor("trialdesk")).finally(() => check.stop());

  const aside = `${live}.replaced-${stamp()}`;
  if (existsSync(live)) await rename(live, aside);
  await rename(restored, live);
  console.log(
    `\nThe live database is now the backup ${path.basename(file)}.${existsSync(aside) ? `\nThe previous live folder is kept in ${aside} (delete it once you are sure).` : ""}\nStart the app with npm start.`,
  );
}

/** The port may be free while a postmaster.pid names a live process (or the reverse); either means running. */
async function liveServerRunning(live: string): Promise<boolean> {
  const pidFile = path.join(live, "cluster", "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      // A stale file from a crash: nothing runs.
    }
  }
  return !(await isPortFree(numberFromEnv("TRIALDESK_DB_PORT", 54329)));
}

async function restoreDump(file: string, name = "trialdesk_restored"): Promise<void> {
  const database = await openDatabase();
  try {
    let target = database.url;
    if (database.embedded) {
      await ensureDatabase(database.embedded.urlFor("postgres"), name);
      target = database.embedded.urlFor(name);
    }
    await restoreDatabase(file, target);
    await printTables(target);
    console.log(`Restored ${file}${database.embedded ? ` into database ${name}` : ""}.`);
  } finally {
    await database.embedded?.stop();
  }
}

async function printTables(url: string): Promise<void> {
  const tables = await checksumTables(url);
  for (const [table, { rows }] of Object.entries(tables)) console.log(`${table.padEnd(28)} ${rows} rows`);
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, "-");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
