import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { archivesToPrune, isBackupDue, takenAtFromName, type BackupRunSummary } from "@/lib/backup-status";
import type { BackupSettings } from "@/lib/env";
import { BACKUP_PREFIX, BACKUP_SUFFIX, takeBaseBackup } from "./base-backup";

/**
 * Backups of the embedded database on a schedule, run by `npm start` (the only process that
 * owns the data folder). Each attempt, failed or not, is one row of backup_runs in the app's
 * database, which is what the admin page shows and what decides when the next one is due.
 */
export interface BackupTarget {
  /** Superuser connection for pg_backup_start/stop. */
  adminUrl: string;
  clusterDir: string;
  /** The app's database, which holds backup_runs. */
  appDatabaseUrl: string;
}

export interface BackupRunRecord {
  startedAt: Date;
  finishedAt: Date;
  succeeded: boolean;
  fileName: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  error: string | null;
}

export async function runBackup(
  target: BackupTarget,
  settings: BackupSettings,
  trigger: "scheduled" | "manual",
): Promise<BackupRunRecord> {
  const startedAt = new Date();
  let record: BackupRunRecord;
  try {
    const backup = await takeBaseBackup({
      adminUrl: target.adminUrl,
      clusterDir: target.clusterDir,
      backupDir: path.resolve(settings.dir),
      now: startedAt,
    });
    record = {
      startedAt,
      finishedAt: new Date(),
      succeeded: true,
      fileName: backup.fileName,
      sizeBytes: backup.sizeBytes,
      sha256: backup.sha256,
      error: null,
    };
  } catch (error) {
    record = {
      startedAt,
      finishedAt: new Date(),
      succeeded: false,
      fileName: null,
      sizeBytes: null,
      sha256: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  await withClient(target.appDatabaseUrl, (client) =>
    client.query(
      `INSERT INTO backup_runs (started_at, finished_at, succeeded, method, trigger, file_name, size_bytes, sha256, error)
       VALUES ($1, $2, $3, 'base-backup', $4, $5, $6, $7, $8)`,
      [
        record.startedAt,
        record.finishedAt,
        record.succeeded,
        trigger,
        record.fileName,
        record.sizeBytes,
        record.sha256,
        record.error,
      ],
    ),
  );
  if (record.succeeded) await pruneArchives(settings, record.finishedAt);
  return record;
}

/** Deletes archives (and their .sha256) past the retention; returns the names deleted. */
export async function pruneArchives(settings: BackupSettings, now: Date): Promise<string[]> {
  const names = (await readdir(path.resolve(settings.dir))).filter(
    (name) => name.startsWith(BACKUP_PREFIX) && name.endsWith(BACKUP_SUFFIX),
  );
  const archives = names.flatMap((name) => {
    const takenAt = takenAtFromName(name);
    return takenAt ? [{ name, takenAt }] : [];
  });
  const doomed = archivesToPrune(archives, settings.retentionDays, now);
  for (const name of doomed) {
    await rm(path.join(path.resolve(settings.dir), `${name}.sha256`), { force: true });
    await rm(path.join(path.resolve(settings.dir), name), { force: true });
  }
  return doomed;
}

export async function lastBackupRun(appDatabaseUrl: string): Promise<BackupRunSummary | null> {
  const { rows } = await withClient(appDatabaseUrl, (client) =>
    client.query<{ finished_at: Date; succeeded: boolean }>(
      "SELECT finished_at, succeeded FROM backup_runs ORDER BY finished_at DESC LIMIT 1",
    ),
  );
  return rows[0] ? { finishedAt: rows[0].finished_at, succeeded: rows[0].succeeded } : null;
}

export interface BackupSchedule {
  /** Waits for a backup under way (it is never cut off half-written) and stops the timer. */
  stop(): Promise<void>;
}

/**
 * Checks every `checkEveryMs` whether a backup is due and takes it. The target is read at each
 * run, because the supervisor may have restarted the server in between.
 */
export function scheduleBackups(
  target: () => BackupTarget,
  settings: BackupSettings,
  log: (line: string) => void,
  checkEveryMs = 60_000,
): BackupSchedule {
  if (settings.intervalHours === 0) {
    log("Scheduled backups are off (TRIALDESK_BACKUP_INTERVAL_HOURS=0).");
    return { stop: async () => {} };
  }
  log(
    `Backups: every ${settings.intervalHours} h into ${path.resolve(settings.dir)}, kept ${settings.retentionDays} days.`,
  );
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      const current = target();
      if (!isBackupDue(await lastBackupRun(current.appDatabaseUrl), settings.intervalHours, new Date())) return;
      const run = await runBackup(current, settings, "scheduled");
      log(
        run.succeeded
          ? `Backup written: ${run.fileName} (${run.sizeBytes} bytes, sha256 ${run.sha256}).`
          : `Backup FAILED: ${run.error}`,
      );
    })()
      .catch((error: unknown) => log(`Backup check failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, checkEveryMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
