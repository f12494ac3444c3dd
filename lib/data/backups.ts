import "server-only";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { backupWarning } from "@/lib/backup-status";
import { getPrisma } from "@/lib/db/prisma";
import { getBackupSettings, type BackupSettings } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";

/**
 * What administrators see of the scheduled backups (issue 20): the last attempt, the last
 * success and a warning when the last one failed or the last success is older than two days.
 */
export interface BackupRunView {
  finishedAt: string;
  succeeded: boolean;
  method: string;
  trigger: string;
  fileName: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  error: string | null;
}

export interface BackupOverview {
  /** False when the app runs on DATABASE_URL's server (its own backups) or the schedule is off. */
  scheduled: boolean;
  settings: BackupSettings;
  lastRun: BackupRunView | null;
  lastSuccess: BackupRunView | null;
  warning: string | null;
}

/** `npm start` sets this for the app when it takes the embedded database's backups itself. */
function backupsScheduled(): boolean {
  return process.env.TRIALDESK_SCHEDULED_BACKUPS === "on";
}

export async function getBackupOverview(actor: Actor, now = new Date()): Promise<BackupOverview> {
  if (!hasPermission(actor, "backup.read")) throw new ForbiddenError();
  const prisma = getPrisma();
  const [lastRun, lastSuccess] = await Promise.all([
    prisma.backupRun.findFirst({ orderBy: { finishedAt: "desc" } }),
    prisma.backupRun.findFirst({ where: { succeeded: true }, orderBy: { finishedAt: "desc" } }),
  ]);
  const scheduled = backupsScheduled();
  return {
    scheduled,
    settings: getBackupSettings(process.env, process.env.TRIALDESK_DATA_DIR ?? ".data"),
    lastRun: lastRun && toView(lastRun),
    lastSuccess: lastSuccess && toView(lastSuccess),
    warning: scheduled ? backupWarning(lastRun, lastSuccess, now) : null,
  };
}

/**
 * For the home work-list: the backup warning for whoever may see backups, else null (also
 * null when this app does not take the backups itself).
 */
export async function getBackupWarning(actor: Actor, now = new Date()): Promise<string | null> {
  if (!hasPermission(actor, "backup.read") || !backupsScheduled()) return null;
  return (await getBackupOverview(actor, now)).warning;
}

function toView(row: {
  finishedAt: Date;
  succeeded: boolean;
  method: string;
  trigger: string;
  fileName: string | null;
  sizeBytes: bigint | null;
  sha256: string | null;
  error: string | null;
}): BackupRunView {
  return {
    finishedAt: row.finishedAt.toISOString(),
    succeeded: row.succeeded,
    method: row.method,
    trigger: row.trigger,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
    sha256: row.sha256,
    error: row.error,
  };
}
