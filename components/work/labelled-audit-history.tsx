import type { AuditRecord } from "@/lib/data/audit-history";
import { actionLabel, entityLabel, fieldLabel, valueLabel } from "@/lib/audit/audit-labels";
import { formatDateTimeInZone, formatTimestamp } from "@/lib/format-date";
import styles from "./work.module.css";
import { TableHead } from "@/components/ui/table-head";

/** Who changed what, when (the site's clock with its zone named, and UTC), from which value to which, and why, in the form's own words. */
export function LabelledAuditHistory({
  records,
  field,
  timeZone,
}: {
  records: AuditRecord[];
  field: string | null;
  timeZone: string;
}) {
  const rows = records.flatMap((record) =>
    (record.changes.length ? record.changes : [null])
      .filter((change) => !field || change?.field === field)
      .map((change, index) => ({ record, change, index })),
  );
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit history</h2>
      {rows.length === 0 ? (
        <p className="muted">No changes recorded.</p>
      ) : (
        <div className={styles.scroll}>
          <table>
            <TableHead
              columns={["When (site time / UTC)", "Who", "What", "Field", "Old value", "New value", "Reason"]}
            />
            <tbody>
              {rows.map(({ record, change, index }) => (
                <tr key={`${record.id}-${index}`}>
                  <td>
                    {formatDateTimeInZone(record.occurredAt, timeZone)}
                    <br />
                    {formatTimestamp(record.occurredAt)}
                  </td>
                  <td>{record.actorEmail}</td>
                  <td>
                    {actionLabel(record.action)}: {entityLabel(record.entityType)}
                  </td>
                  <td>{change ? fieldLabel(record.entityType, change.field) : ""}</td>
                  <td>{change ? valueLabel(change.field, change.from) : ""}</td>
                  <td>{change ? valueLabel(change.field, change.to) : ""}</td>
                  <td>{record.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
