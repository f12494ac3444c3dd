import type { AuditRecord } from "@/lib/data/audit-history";
import { formatDateTimeInZone, formatTimestamp } from "@/lib/format-date";

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "(empty)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Who changed what, when, from which value to which, and why. With the site's time zone the
 * time is shown as the site read its clock (zone named) and in UTC, the audit trail's own clock.
 */
export function AuditHistory({ records, timeZone }: { records: AuditRecord[]; timeZone?: string }) {
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit history</h2>
      {records.length === 0 ? (
        <p className="muted">No changes recorded.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{timeZone ? "When (site time / UTC)" : "When (UTC)"}</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Field</th>
              <th scope="col">Old value</th>
              <th scope="col">New value</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {records.flatMap((record) =>
              (record.changes.length ? record.changes : [null]).map((change, index) => (
                <tr key={`${record.id}-${index}`}>
                  <td>
                    {timeZone ? (
                      <>
                        {formatDateTimeInZone(record.occurredAt, timeZone)}
                        <br />
                      </>
                    ) : null}
                    {formatTimestamp(record.occurredAt)}
                  </td>
                  <td>{record.actorEmail}</td>
                  <td>
                    {record.action} {record.entityType}
                  </td>
                  <td>{change?.field ?? ""}</td>
                  <td>{change ? formatValue(change.from) : ""}</td>
                  <td>{change ? formatValue(change.to) : ""}</td>
                  <td>{record.reason ?? ""}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
