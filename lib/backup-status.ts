/**
 * When a backup is due, which archives retention removes, and when the administrator is
 * warned: pure rules over plain values, shared by `npm start`'s scheduler, the admin page and
 * (later) the home work-list.
 */
export interface BackupRunSummary {
  finishedAt: Date;
  succeeded: boolean;
}

const HOUR_MS = 3_600_000;
/** Issue 20: warn when the last successful backup is older than two days. */
export const STALE_AFTER_HOURS = 48;
/** A failed attempt is tried again after an hour, or sooner if the interval is shorter. */
const RETRY_AFTER_FAILURE_HOURS = 1;

export function isBackupDue(last: BackupRunSummary | null, intervalHours: number, now: Date): boolean {
  if (!last) return true;
  const waitHours = last.succeeded ? intervalHours : Math.min(intervalHours, RETRY_AFTER_FAILURE_HOURS);
  return now.getTime() - last.finishedAt.getTime() >= waitHours * HOUR_MS;
}

/** The warning to show, or null when the last attempt worked and is recent enough. */
export function backupWarning(
  lastRun: BackupRunSummary | null,
  lastSuccess: BackupRunSummary | null,
  now: Date,
): string | null {
  if (!lastRun) return "No backup of the database has been taken yet.";
  if (!lastRun.succeeded) return `The last backup failed (${lastRun.finishedAt.toISOString()}).`;
  const successAt = (lastSuccess ?? lastRun).finishedAt;
  const ageHours = (now.getTime() - successAt.getTime()) / HOUR_MS;
  if (ageHours > STALE_AFTER_HOURS)
    return `The last successful backup is ${Math.floor(ageHours / 24)} days old (${successAt.toISOString()}).`;
  return null;
}

export interface BackupArchive {
  name: string;
  takenAt: Date;
}

/** Archives older than the retention, never the newest one (a stopped schedule keeps its last backup). */
export function archivesToPrune(archives: readonly BackupArchive[], retentionDays: number, now: Date): string[] {
  const newest = archives.reduce<BackupArchive | null>(
    (best, a) => (!best || a.takenAt > best.takenAt ? a : best),
    null,
  );
  const cutoff = now.getTime() - retentionDays * 24 * HOUR_MS;
  return archives.filter((a) => a !== newest && a.takenAt.getTime() < cutoff).map((a) => a.name);
}

/** The time in an archive name made by backupFileName ("...2026-12-05T21-50-00-000Z.tar.gz"), or null. */
export function takenAtFromName(name: string): Date | null {
  const match = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
  if (!match) return null;
  const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
