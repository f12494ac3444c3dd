import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditHistory } from "@/components/audit-history";
import { hasPermission } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/require-actor";
import { listPatientAuditHistory } from "@/lib/data/audit-history";
import { getPatientOrThrow } from "@/lib/data/patients";
import { NotFoundError } from "@/lib/errors";
import { PATIENT_STATUS_LABELS } from "@/lib/patient-status";

export const metadata: Metadata = { title: "Patient" };

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/patients/${id}`);
  const patient = await getPatientOrThrow(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const history = hasPermission(actor, "audit.read", patient.site.id) ? await listPatientAuditHistory(actor, id) : null;
  return (
    <>
      <section className="card">
        <h1>Patient {patient.subjectId}</h1>
        <dl className="facts">
          <dt>Site</dt>
          <dd>
            {patient.site.name} ({patient.site.code})
          </dd>
          <dt>Status</dt>
          <dd>{PATIENT_STATUS_LABELS[patient.status]}</dd>
          <dt>Screening date</dt>
          <dd>{patient.screeningDate}</dd>
        </dl>
      </section>
      {history ? <AuditHistory records={history} /> : null}
    </>
  );
}
