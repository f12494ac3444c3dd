import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/require-permission";
import { listOutbox } from "@/lib/data/mail-outbox";
import { formatTimestamp } from "@/lib/format-date";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { title: "Alert emails" };
export const dynamic = "force-dynamic";

/** Each alert email and its delivery state (the transactional outbox, lib/data/mail-outbox). */
export default async function OutboxPage() {
  const actor = await requirePermission("user.admin", "/admin/outbox");
  const messages = await listOutbox(actor);
  return (
    <section className="card" aria-labelledby="outbox-heading">
      <div className="toolbar">
        <h1 id="outbox-heading">Alert emails</h1>
        <Link href="/admin/users">Users</Link>
        <Link href="/admin/backups">Backups</Link>
      </div>
      <p className="muted">
        Alerts (serious adverse events, pregnancies) are written here in the same transaction as the event and sent by
        the app through SMTP_URL, retried with back-off while the mail server is unreachable. The latest 200 are shown.
      </p>
      {messages.length ? (
        <table data-testid="outbox">
          <TableHead columns={["Created", "Kind", "Subject", "To", "State", "Attempts", "Last error / next attempt"]} />
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{formatTimestamp(m.createdAt)}</td>
                <td>{m.kind}</td>
                <td>{m.subject}</td>
                <td>{m.recipients.join(", ")}</td>
                <td>
                  {m.status === "SENT" && m.sentAt ? `sent ${formatTimestamp(m.sentAt)}` : m.status.toLowerCase()}
                </td>
                <td>{m.attempts}</td>
                <td>
                  {m.status === "PENDING" && m.lastError
                    ? `${m.lastError}; next attempt ${formatTimestamp(m.nextAttemptAt)}`
                    : (m.lastError ?? "")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No alert emails yet.</p>
      )}
    </section>
  );
}
