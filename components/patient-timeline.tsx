import Link from "next/link";
import type { CrfRecordView } from "@/lib/data/crf-records";
import { listVisitFormStates } from "@/lib/domain/schedule/visit-form-states";
import type { FormState, ScheduleConfig } from "@/lib/domain/schedule/visit-schedule";
import { UNSCHEDULED_VISIT } from "@/lib/forms/form-identity";
import { getFormDefinition, listFormDefinitions } from "@/lib/forms/registry";
import { formatDate } from "@/lib/format-date";
import { TableHead } from "@/components/ui/table-head";

/** The date a visit form records (dosing: visitDate, labs: sampleDate, tumour assessment: assessmentDate). */
function recordDate(record: CrfRecordView): string | null {
  const data = record.data as Record<string, unknown> | null;
  const date = data?.visitDate ?? data?.sampleDate ?? data?.assessmentDate;
  return typeof date === "string" ? date : null;
}

const STATE_LABELS: Record<FormState, string> = {
  empty: "empty",
  "in-progress": "in progress",
  complete: "complete",
  overdue: "overdue",
};

interface Props {
  patientId: string;
  enrollmentDate: string;
  until: string;
  records: CrfRecordView[];
  canWrite: boolean;
  /** The study's schedule (lib/data/study-settings), as an administrator configured it. */
  schedule: ScheduleConfig;
}

/** The visits the protocol expects so far, each form's state, and a link straight to what is missing. */
export function PatientTimeline({ patientId, enrollmentDate, until, records, canWrite, schedule }: Props) {
  const visits = listVisitFormStates(enrollmentDate, until, records, schedule);
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Visits</h2>
      <table>
        <TableHead columns={["Visit", "Due", "Forms"]} />
        <tbody>
          {visits.map((visit) => (
            <tr key={visit.key}>
              <td>{visit.label}</td>
              <td>{formatDate(visit.dueDate)}</td>
              <td>
                <ul className="form-states">
                  {visit.formStates.map(({ formType, record, state }) => {
                    const definition = getFormDefinition(formType);
                    const title = definition?.title ?? formType;
                    return (
                      <li key={formType}>
                        {definition && (canWrite || record) ? (
                          <Link href={`/patients/${patientId}/forms/${formType}?visit=${visit.key}`}>{title}</Link>
                        ) : (
                          title
                        )}{" "}
                        <span className={`state-${state}`}>
                          {STATE_LABELS[state]}
                          {record && typeof record.computed.summary === "string" ? `, ${record.computed.summary}` : ""}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <UnscheduledVisits patientId={patientId} records={records} canWrite={canWrite} />
    </section>
  );
}

/** Forms of visits outside the schedule (a scan on day 33), by their own date, and links to record another. */
function UnscheduledVisits({ patientId, records, canWrite }: Pick<Props, "patientId" | "records" | "canWrite">) {
  const unscheduled = records
    .filter((r) => r.visitKey === UNSCHEDULED_VISIT)
    .map((r) => ({ record: r, date: recordDate(r) }))
    .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
  if (!canWrite && !unscheduled.length) return null;
  return (
    <>
      <h3 id="unscheduled-heading">Unscheduled visits</h3>
      {unscheduled.length ? (
        <ul className="form-states" aria-labelledby="unscheduled-heading">
          {unscheduled.map(({ record, date }) => (
            <li key={record.id}>
              <Link href={`/patients/${patientId}/forms/${record.formType}?record=${record.id}`}>
                {getFormDefinition(record.formType)?.title ?? record.formType}, {date ? formatDate(date) : "no date"}
              </Link>
              {typeof record.computed.summary === "string" ? (
                <span className="muted"> {record.computed.summary}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite ? (
        <p>
          Record unscheduled:{" "}
          {listFormDefinitions("visit").map((form, i) => (
            <span key={form.type}>
              {i ? " · " : null}
              <Link
                href={`/patients/${patientId}/forms/${form.type}?visit=${UNSCHEDULED_VISIT}`}
                aria-label={`Record unscheduled: ${form.title}`}
              >
                {form.title}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}
