import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { existsSync } from "node:fs";
import { copyFile, mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

/**
 * A physical backup of the embedded cluster with PostgreSQL's documented low-level API, so no
 * client tool of the server's major version is needed (Debian 12 has no pg_dump 17). Follows
 * PostgreSQL 17, "Continuous Archiving and Point-in-Time Recovery (PITR)", section "Making a
 * Base Backup Using the Low Level API" (https://www.postgresql.org/docs/17/continuous-archiving.html#BACKUP-LOWLEVEL-BASE-BACKUP):
 * pg_backup_start and pg_backup_stop on ONE connection (the backup is aborted if it closes),
 * a file copy of the data folder in between, backup_label and tablespace_map written from
 * pg_backup_stop's result, and the WAL from the backup's start to its end put into pg_wal so
 * the copy recovers to a consistent state with no WAL archive. The result is one .tar.gz
 * (tar and gzip are essential packages on Debian), written under a temporary name and renamed,
 * with a SHA-256 file beside it. Its layout is an embedded data folder (`credentials.json` and
 * `cluster/`), so a restore is: unpack into a new folder, start it.
 */
const run = promisify(execFile);

export interface BaseBackupOptions {
  /** A superuser connection to the server whose data folder is `clusterDir`. */
  adminUrl: string;
  clusterDir: string;
  backupDir: string;
  now?: Date;
}

export interface BaseBackupResult {
  file: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  startWal: string;
  stopWal: string;
}

export const BACKUP_PREFIX = "trialdesk-base-";
export const BACKUP_SUFFIX = ".tar.gz";

/** "trialdesk-base-2026-12-05T21-50-00-000Z.tar.gz": sortable, and its time is its name. */
export function backupFileName(at: Date): string {
  return `${BACKUP_PREFIX}${at.toISOString().replace(/[:.]/g, "-")}${BACKUP_SUFFIX}`;
}

/**
 * Left out of the copy, from the same section ("Backing Up the Data Directory"): files the
 * server recreates or that would mislead recovery. The folders themselves are kept, empty.
 */
const EMPTIED_FOLDERS = new Set([
  "pg_wal",
  "pg_replslot",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);
const SKIPPED_FILES = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "backup_label",
  "tablespace_map",
  "backup_label.old",
  "tablespace_map.old",
]);
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

export async function takeBaseBackup(options: BaseBackupOptions): Promise<BaseBackupResult> {
  const fileName = backupFileName(options.now ?? new Date());
  const file = path.join(options.backupDir, fileName);
  const staging = path.join(options.backupDir, `.partial-${fileName}`);
  const archive = `${file}.partial`;
  if (!existsSync(path.join(options.clusterDir, "PG_VERSION")))
    throw new Error(`${options.clusterDir} is not a PostgreSQL data folder (no PG_VERSION).`);
  const cluster = path.join(staging, "cluster");
  await mkdir(cluster, { recursive: true });
  try {
    const { startWal, stopWal, labelFile, tablespaceMap } = await copyUnderBackupMode(
      options.adminUrl,
      options.clusterDir,
      cluster,
    );
    await writeFile(path.join(cluster, "backup_label"), labelFile);
    if (tablespaceMap) await writeFile(path.join(cluster, "tablespace_map"), tablespaceMap);
    // The server's own role and password are inside the cluster; the app's copy of them is here.
    const credentials = path.join(path.dirname(options.clusterDir), "credentials.json");
    if (existsSync(credentials)) await copyFile(credentials, path.join(staging, "credentials.json"));
    await run("tar", ["-czf", archive, "-C", staging, "."], { maxBuffer: 16 * 2 ** 20 });
    await fsyncFile(archive);
    const sha256 = await sha256Of(archive);
    await rename(archive, file);
    await writeAtomically(`${file}.sha256`, `${sha256}  ${fileName}\n`);
    return { file, fileName, sizeBytes: (await stat(file)).size, sha256, startWal, stopWal };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(archive, { force: true });
  }
}

async function copyUnderBackupMode(adminUrl: string, clusterDir: string, staging: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // A temporary physical slot keeps every WAL segment from here on until this session ends,
    // so a checkpoint during the copy cannot recycle WAL the backup needs (what pg_basebackup's
    // own temporary slot does).
    await client.query("SELECT pg_create_physical_replication_slot($1, true, true)", [
      `trialdesk_backup_${process.pid}_${Date.now()}`,
    ]);
    // fast => an immediate checkpoint instead of a spread one: the copy starts at once.
    await client.query("SELECT pg_backup_start($1, true)", [`trialdesk ${new Date().toISOString()}`]);
    await copyDataFolder(clusterDir, staging);
    // wait_for_archive false: there is no archive; the WAL is copied below instead.
    const { rows } = await client.query<{ labelfile: string; spcmapfile: string; stop_wal: string }>(
      "SELECT labelfile, spcmapfile, pg_walfile_name(lsn) AS stop_wal FROM pg_backup_stop(false)",
    );
    const { labelfile, spcmapfile, stop_wal } = rows[0]!;
    const startWal = /^START WAL LOCATION: \S+ \(file ([0-9A-F]{24})\)$/m.exec(labelfile)?.[1];
    if (!startWal) throw new Error("pg_backup_stop returned a backup label without its starting WAL file.");
    await copyWal(path.join(clusterDir, "pg_wal"), path.join(staging, "pg_wal"), startWal, stop_wal);
    return { startWal, stopWal: stop_wal, labelFile: labelfile, tablespaceMap: spcmapfile };
  } finally {
    // Ending the session also ends a backup left running by an error, and drops the slot.
    await client.end();
  }
}

/** The data folder, file by file; a file removed by the server meanwhile is simply absent. */
async function copyDataFolder(from: string, to: string, relative = ""): Promise<void> {
  const entries = await readdir(path.join(from, relative), { withFileTypes: true }).catch(ignoreMissing);
  for (const entry of entries ?? []) {
    const name = path.join(relative, entry.name);
    if (entry.name.startsWith("pgsql_tmp") || entry.name === "pg_internal.init") continue;
    if (entry.isDirectory()) {
      await mkdir(path.join(to, name), { recursive: true });
      if (!(relative === "" && EMPTIED_FOLDERS.has(entry.name))) await copyDataFolder(from, to, name);
    } else if (!(relative === "" && SKIPPED_FILES.has(entry.name))) {
      await copyFile(path.join(from, name), path.join(to, name)).catch(ignoreMissing);
    }
  }
}

/** Every WAL segment from the backup's start to its end, and the timeline history files. */
async function copyWal(from: string, to: string, startWal: string, stopWal: string): Promise<void> {
  await mkdir(path.join(to, "archive_status"), { recursive: true });
  const timeline = startWal.slice(0, 8);
  let copied = 0;
  for (const name of await readdir(from)) {
    const segment = WAL_SEGMENT.test(name) && name.startsWith(timeline) && name >= startWal && name <= stopWal;
    if (!segment && !name.endsWith(".history")) continue;
    await copyFile(path.join(from, name), path.join(to, name));
    if (segment) copied++;
  }
  if (copied === 0) throw new Error(`No WAL segment from ${startWal} to ${stopWal} found in ${from}.`);
}

function ignoreMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === "ENOENT") return undefined;
  throw error;
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await writeFile(`${file}.partial`, text);
  await fsyncFile(`${file}.partial`);
  await rename(`${file}.partial`, file);
}

/** Recomputes an archive's SHA-256 and compares it with the .sha256 file written beside it. */
export async function verifyBackup(file: string): Promise<void> {
  const expected = (await readFile(`${file}.sha256`, "utf8")).split(/\s+/)[0];
  const actual = await sha256Of(file);
  if (expected !== actual)
    throw new Error(
      `${path.basename(file)} does not match its checksum (expected ${expected}, found ${actual}): the file is damaged.`,
    );
}
