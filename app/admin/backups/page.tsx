import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { getBackupOverview, type BackupRunView } from "@/lib/data/backups";
import { formatTimestamp } from "@/lib/format-date";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { title: "Backups" };

function megabytes(bytes: number | null): string {
  return bytes === null ? "" : `${(bytes / 1_048_576).toFixed(1)} MB`;
}

function RunRow({ label, run }: { label: string; run: BackupRunView | null }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{run ? formatTimestamp(run.finishedAt) : "none"}</td>
      <td>{run ? (run.succeeded ? "succeeded" : `failed: ${run.error ?? "unknown error"}`) : ""}</td>
      <td>{run ? megabytes(run.sizeBytes) : ""}</td>
      <td>{run?.fileName ?? ""}</td>
    </tr>
  );
}

export default async function BackupsPage() {
  const actor = await requirePermission("backup.read", "/admin/backups");
  const overview = await getBackupOverview(actor);
  return (
    <section className="card" aria-labelledby="backups-heading">
      <div className="toolbar">
        <h1 id="backups-heading">Backups</h1>
        <Link href="/admin/users">Users</Link>
        <Link href="/admin/sites">Sites</Link>
      </div>
      {overview.warning ? (
        <p className="field-error" role="alert">
          {overview.warning}
        </p>
      ) : null}
      <p className="muted">
        {overview.scheduled
          ? `The embedded database is backed up every ${overview.settings.intervalHours} h into ${overview.settings.dir}; backups are kept ${overview.settings.retentionDays} days. Restoring one is described in the README (npm run db:restore).`
          : "This app does not take backups itself: it runs on an external PostgreSQL server (back it up with that server's tools), or TRIALDESK_BACKUP_INTERVAL_HOURS is 0."}
      </p>
      <table>
        <TableHead columns={["Backup", "Finished", "Result", "Size", "File"]} />
        <tbody>
          <RunRow label="Last attempt" run={overview.lastRun} />
          <RunRow label="Last success" run={overview.lastSuccess} />
        </tbody>
      </table>
    </section>
  );
}
