import Link from "next/link";
import type { CrfRecordView } from "@/lib/data/crf-records";
import { listVisitFormStates } from "@/lib/domain/schedule/visit-form-states";
import type { FormState, ScheduleConfig } from "@/lib/domain/schedule/visit-schedule";
import { getFormDefinition } from "@/lib/forms/registry";
import { formatDate } from "@/lib/format-date";

const STATE_LABELS: Record<FormState, string> = { empty: "empty", "in-progress": "in progress", complete: "complete", overdue: "overdue" };

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
        <thead>
          <tr>
            <th scope="col">Visit</th>
            <th scope="col">Due</th>
            <th scope="col">Forms</th>
          </tr>
        </thead>
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
                        <span className={`state-${state}`}>{STATE_LABELS[state]}{record && typeof record.computed.summary === "string" ? `, ${record.computed.summary}` : ""}</span>
                      </li>
                    );
                  })}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
