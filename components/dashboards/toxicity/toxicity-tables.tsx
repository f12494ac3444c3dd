import Link from "next/link";
import { describeSaeClock } from "@/lib/analysis/toxicity/sae-clock";
import type { AdverseEventItem, LabToxicityItem, SeriousEventView } from "@/lib/data/toxicity";
import styles from "../dashboards.module.css";
import { DASHBOARD_ROW_LIMIT, ShownOf } from "../shown-of";
import { TableHead } from "@/components/ui/table-head";

const NARROW = "Narrow the list with the filters above; every record is in the CSV export (Exports).";

const formLink = (e: { patientId: string; recordId: string }) =>
  `/patients/${e.patientId}/forms/adverse-event?record=${e.recordId}`;

/**
 * SAEs with the 24-hour reporting clock; overdue rows are marked in words as well as colour.
 * Each table gets the first rows and `total`, how many match the filters (lib/data/toxicity.ts).
 */
export function SeriousEventsTable({ events, total }: { events: SeriousEventView[]; total: number }) {
  if (!events.length) return <p className="muted">No serious adverse events match the filters.</p>;
  const shown = events.slice(0, DASHBOARD_ROW_LIMIT);
  return (
    <>
      <ShownOf shown={shown.length} total={total} what="serious adverse events" hint={NARROW} />
      <table>
        <TableHead columns={["Patient", "Event", "Onset", "24-hour reporting clock (site time)"]} />
        <tbody>
          {shown.map((e) => (
            <tr key={e.recordId} className={e.clock.status === "overdue" ? styles.overdueRow : undefined}>
              <td>
                <Link href={`/patients/${e.patientId}`}>{e.subjectId}</Link>
              </td>
              <td>
                <Link href={formLink(e)}>{e.summary}</Link>
              </td>
              <td>{e.onsetDate}</td>
              <td
                className={
                  e.clock.status === "overdue"
                    ? styles.overdue
                    : e.clock.status === "running"
                      ? styles.running
                      : undefined
                }
              >
                {describeSaeClock(e.clock)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const attribution = (value: string | null) => value ?? "not given";

export function AdverseEventsTable({ events, total }: { events: AdverseEventItem[]; total: number }) {
  if (!events.length) return <p className="muted">No adverse events match the filters.</p>;
  const shown = events.slice(0, DASHBOARD_ROW_LIMIT);
  return (
    <>
      <ShownOf shown={shown.length} total={total} what="adverse events" hint={NARROW} />
      <table>
        <TableHead
          columns={["Patient", "Site", "CTCAE term", "Grade", "Serious", "Attribution: thalidomide / UFT", "Onset"]}
        />
        <tbody>
          {shown.map((e) => (
            <tr key={e.recordId}>
              <td>
                <Link href={`/patients/${e.patientId}`}>{e.subjectId}</Link>
              </td>
              <td>{e.siteCode}</td>
              <td>
                <Link href={formLink(e)}>{e.term}</Link>
              </td>
              <td className={styles.numeric}>{e.grade ?? "not graded"}</td>
              <td>{e.serious ? "Yes (SAE)" : "No"}</td>
              <td>
                {attribution(e.attribution.thalidomide)} / {attribution(e.attribution.uft)}
              </td>
              <td>{e.onsetDate}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function LabToxicitiesTable({ labs, total }: { labs: LabToxicityItem[]; total: number }) {
  if (!labs.length) return <p className="muted">No lab results of grade 3 or more match the filters.</p>;
  const shown = labs.slice(0, DASHBOARD_ROW_LIMIT);
  return (
    <>
      <ShownOf shown={shown.length} total={total} what="lab results" hint={NARROW} />
      <table>
        <TableHead columns={["Patient", "Site", "CTCAE term (lab)", "Grade (computed)", "Visit", "Sample date"]} />
        <tbody>
          {shown.map((l) => (
            <tr key={`${l.recordId}-${l.test}`}>
              <td>
                <Link href={`/patients/${l.patientId}`}>{l.subjectId}</Link>
              </td>
              <td>{l.siteCode}</td>
              <td>
                <Link href={`/patients/${l.patientId}/forms/labs?visit=${l.visitKey ?? ""}`}>{l.term}</Link>
              </td>
              <td className={styles.numeric}>{l.grade}</td>
              <td>{l.visitKey ?? ""}</td>
              <td>{l.sampleDate}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
