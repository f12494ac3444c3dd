import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PatientBackLink } from "@/components/patient-back-link";
import { LabelledAuditHistory } from "@/components/work/labelled-audit-history";
import styles from "@/components/work/work.module.css";
import { entityLabel, fieldLabel } from "@/lib/audit/audit-labels";
import { hasPermission } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/require-actor";
import { listPatientAuditHistory } from "@/lib/data/audit-history";
import { getPatientOrThrow } from "@/lib/data/patients";
import { UUID_PATTERN } from "@/lib/schemas/uuid";
import { orNotFound } from "@/lib/http/or-not-found";
import { Options } from "@/components/ui/options";

export const metadata: Metadata = { title: "History" };

/** The audit trail on demand: of a patient, of one form (?record=) or of one field (&field=). */
export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ record?: string; field?: string }>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor(`/patients/${id}/history`);
  const patient = await orNotFound(getPatientOrThrow(actor, id));
  if (!hasPermission(actor, "audit.read", patient.site.id)) notFound();
  const recordId = query.record && UUID_PATTERN.test(query.record) ? query.record : undefined;
  const records = await listPatientAuditHistory(actor, id, recordId);
  const entityType = recordId ? records.find((r) => r.entityId === recordId)?.entityType : undefined;
  const fields = entityType ? [...new Set(records.flatMap((r) => r.changes.map((c) => c.field)))] : [];
  const field = query.field && fields.includes(query.field) ? query.field : null;
  return (
    <>
      <section className="card">
        <PatientBackLink patientId={id} subjectId={patient.subjectId} />
        <h1>
          History{entityType ? ` of ${entityLabel(entityType)}` : ` of patient ${patient.subjectId}`}
          {field && entityType ? `: ${fieldLabel(entityType, field)}` : ""}
        </h1>
        {entityType ? (
          <form method="get" className={styles.filters} aria-label="Choose a field">
            <input type="hidden" name="record" value={recordId} />
            <div>
              <label htmlFor="filter-field">Field</label>
              <select id="filter-field" name="field" defaultValue={field ?? ""}>
                <option value="">Every field</option>
                <Options values={fields} label={(f) => fieldLabel(entityType, f)} />
              </select>
            </div>
            <button type="submit" className="button">
              Show
            </button>
          </form>
        ) : null}
        <p className="muted">
          The newest 500 changes; the exports carry the complete trail with the raw variable names.
        </p>
      </section>
      <LabelledAuditHistory records={records} field={field} timeZone={patient.site.timeZone} />
    </>
  );
}
