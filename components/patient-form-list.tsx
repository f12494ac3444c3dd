import Link from "next/link";
import type { ReactNode } from "react";
import type { CrfRecordView } from "@/lib/data/crf-records";
import type { FormDefinition } from "@/lib/forms/form-definition";
import { formatDate } from "@/lib/format-date";

interface Props {
  patientId: string;
  forms: readonly FormDefinition[];
  records: CrfRecordView[];
  canWrite: boolean;
}

function summaryOf(record: CrfRecordView): string {
  const summary = record.computed.summary;
  return typeof summary === "string" ? summary : `saved ${formatDate(record.updatedAt)}`;
}

/**
 * The forms of one section of the patient page: a once-only form shows its state and
 * opens it; an event form lists every record and offers a new one.
 */
export function PatientFormList({ patientId, forms, records, canWrite }: Props) {
  return (
    <ul className="form-list">
      {forms.map((form) => {
        const mine = records.filter((r) => r.formType === form.type);
        const base = `/patients/${patientId}/forms/${form.type}`;
        if (form.repeating) {
          return (
            <li key={form.type}>
              <strong>{form.title}</strong> <span className="muted">({mine.length} recorded)</span>
              {canWrite ? (
                <>
                  {" "}
                  {/* Several event forms sit side by side: each link names its form (the visible text stays in the name, WCAG 2.5.3). */}
                  <Link href={base} aria-label={`Record new: ${form.title}`}>
                    Record new
                  </Link>
                </>
              ) : null}
              {mine.length ? (
                <ul>
                  {mine.map((record) => (
                    <li key={record.id}>
                      <Link href={`${base}?record=${record.id}`}>{summaryOf(record)}</Link>{" "}
                      <span className={record.status === "COMPLETE" ? "state-complete" : "state-in-progress"}>
                        {record.status === "COMPLETE" ? "complete" : "in progress"}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        }
        const record = mine.find((r) => r.visitKey === (form.fixedVisitKey ?? null));
        const state = record ? (record.status === "COMPLETE" ? "complete" : "in progress") : "empty";
        const href = `${base}${form.fixedVisitKey ? `?visit=${form.fixedVisitKey}` : ""}`;
        return (
          <li key={form.type}>
            {canWrite || record ? <Link href={href}>{form.title}</Link> : form.title}{" "}
            <span
              className={
                record ? (record.status === "COMPLETE" ? "state-complete" : "state-in-progress") : "state-empty"
              }
            >
              {state}
              {record?.signedAt ? ", signed" : ""}
              {record && typeof record.computed.summary === "string" ? `, ${record.computed.summary}` : ""}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A card of the patient page: its heading, its forms and what else belongs there (the
 * enrollment forms under screening). Nothing when the study has no forms of that kind.
 */
export function PatientFormSection({
  headingId,
  title,
  children,
  ...list
}: Props & { headingId: string; title: string; children?: ReactNode }) {
  if (!list.forms.length) return null;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <PatientFormList {...list} />
      {children}
    </section>
  );
}
