import Link from "next/link";
import { getActor } from "@/lib/auth/get-actor";
import { getSessionUserId } from "@/lib/auth/session";
import { MyWorkLists } from "@/components/work/work-lists";
import { getBackupWarning } from "@/lib/data/backups";
import { getMyWork } from "@/lib/data/work-lists";
import { getUserProfile } from "@/lib/data/users";
import { TableHead } from "@/components/ui/table-head";

export const dynamic = "force-dynamic";

const ROLE_LABELS: Record<string, string> = {
  INVESTIGATOR: "Site investigator",
  COORDINATOR: "Coordinator",
  PRINCIPAL_INVESTIGATOR: "Principal investigator",
  MONITOR: "Monitor",
  ADMIN: "Administrator",
};

export default async function HomePage() {
  const userId = await getSessionUserId();
  const user = userId ? await getUserProfile(userId) : null;
  if (!user) {
    return (
      <section className="card">
        <h1>Trialdesk</h1>
        <p>
          Electronic data capture for oncology trials: screening, eligibility, dosing, adverse events, laboratory
          results, tumour assessments and survival follow-up, with the protocol&apos;s calculations (BSA-based doses,
          CTCAE grades, RECIST responses, Kaplan-Meier endpoints) done for you and every change audited.
        </p>
        <p>
          <Link className="button" href="/login">
            Sign in
          </Link>
        </p>
      </section>
    );
  }
  // An administrator is told at once when the embedded database's last backup failed or is stale.
  const actor = await getActor();
  const [backupWarning, work] = actor ? await Promise.all([getBackupWarning(actor), getMyWork(actor)]) : [null, null];
  return (
    <>
      <section className="card">
        <h1>Welcome, {user.name}</h1>
        <p className="muted">Signed in as {user.email}</p>
        {backupWarning ? (
          <p className="form-error" role="alert" data-testid="backup-warning">
            {backupWarning} <Link href="/admin/backups">See the backups</Link>
          </p>
        ) : null}
        <details>
          <summary>Your roles</summary>
          <table>
            <TableHead columns={["Role", "Site"]} />
            <tbody>
              {user.roles.map((r) => (
                <tr key={`${r.role}-${r.siteCode ?? "all"}`}>
                  <td>{ROLE_LABELS[r.role] ?? r.role}</td>
                  <td>{r.siteName ? `${r.siteName} (${r.siteCode})` : "All sites"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
      {work ? <MyWorkLists work={work} /> : null}
    </>
  );
}
