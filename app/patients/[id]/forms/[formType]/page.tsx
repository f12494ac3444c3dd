import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PatientBackLink } from "@/components/patient-back-link";
import { CrfForm } from "@/components/forms/crf/crf-form";
import { FieldVerificationList } from "@/components/forms/field-verification-list";
import { FormReviewPanel } from "@/components/forms/form-review-panel";
import { QueryPanel } from "@/components/forms/query-panel";
import { FieldNotes } from "@/components/work/field-notes";
import { HistoryLink } from "@/components/work/history-link";
import { WithdrawFormButton } from "@/components/forms/withdraw-form-button";
import { PdfDownloadButton } from "@/components/pdf-download-button";
import { hasPermission } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/require-actor";
import { listCrfRecords } from "@/lib/data/crf-records";
import { getLabRangeContext } from "@/lib/data/lab-reference-ranges";
import { listRecordQueries } from "@/lib/data/data-queries";
import { listFieldVerifications } from "@/lib/data/field-verification";
import { getFormReviewDetails } from "@/lib/data/form-review";
import { listVerifiableFields } from "@/lib/forms/verifiable-fields";
import { getPatientOrThrow } from "@/lib/data/patients";
import { getDoseModificationTable } from "@/lib/data/dose-modification-settings";
import { getStudySettings } from "@/lib/data/study-settings";
import { getFormDefinition } from "@/lib/forms/registry";
import { UNSCHEDULED_VISIT } from "@/lib/forms/form-identity";
import { nextFormHref } from "@/lib/forms/next-form";
import { orNotFound } from "@/lib/http/or-not-found";

export const metadata: Metadata = { title: "Form" };

interface Props {
  params: Promise<{ id: string; formType: string }>;
  searchParams: Promise<{
    visit?: string;
    record?: string;
    term?: string;
    grade?: string;
    onset?: string;
    field?: string;
  }>;
}

export default async function CrfPage({ params, searchParams }: Props) {
  const [{ id, formType }, { visit, record: recordId, term, grade, onset, field }] = await Promise.all([
    params,
    searchParams,
  ]);
  const actor = await requireActor(`/patients/${id}/forms/${formType}`);
  const definition = getFormDefinition(formType);
  if (!definition) notFound();
  const patient = await orNotFound(getPatientOrThrow(actor, id));
  // Entering data is for the patient's own site investigators; other readers (coordinators,
  // monitors, the PI) see the saved form read-only, to review, verify and query it.
  const canWrite = hasPermission(actor, "patient.write", patient.site.id);
  const visitKey = visit ?? null;
  const [allRecords, settings, labReferenceRanges, doseModification] = await Promise.all([
    listCrfRecords(actor, id),
    getStudySettings(actor),
    definition.readsLabReferenceRanges ? getLabRangeContext(actor, id) : undefined,
    formType === "dosing" ? getDoseModificationTable(actor) : null,
  ]);
  const records = allRecords.filter((r) => r.formType === formType);
  const record = recordId
    ? records.find((r) => r.id === recordId)
    : definition.repeating || visitKey === UNSCHEDULED_VISIT
      ? undefined
      : records.find((r) => r.visitKey === visitKey);
  if (recordId && !record) notFound();
  // Everything about the saved record is loaded before rendering, in one parallel round.
  const [queries, reviewDetails, verifications] = record
    ? await Promise.all([
        listRecordQueries(actor, id, record.id),
        getFormReviewDetails(actor, id, record.id),
        listFieldVerifications(actor, id, record.id),
      ])
    : [[], null, []];
  const readOnly = !canWrite || Boolean(record?.signedAt) || Boolean(patient.lockedAt);
  // What the form's cross-form checks and computed values read: the patient's other records and settings.
  const context = {
    screeningDate: patient.screeningDate,
    enrollmentDate: patient.enrollmentDate,
    records: allRecords
      .filter((r) => r.id !== record?.id)
      .map((r) => ({ id: r.id, formType: r.formType, visitKey: r.visitKey, data: r.data, computed: r.computed })),
    ...(labReferenceRanges ? { labReferenceRanges } : {}),
    ...(doseModification ? { doseModificationRules: doseModification.rules } : {}),
  };
  const nextForm = readOnly
    ? null
    : nextFormHref({
        patientId: id,
        formType,
        visitKey: record?.visitKey ?? visitKey,
        enrollmentDate: patient.enrollmentDate,
        schedule: settings.schedule,
        records: allRecords,
      });

  return (
    <section className="card">
      <PatientBackLink patientId={id} subjectId={patient.subjectId} />
      <h1>
        {definition.title}
        {visitKey ? <span className="muted"> · {visitKey}</span> : null}
      </h1>
      {record && hasPermission(actor, "audit.read", patient.site.id) ? (
        <p className="no-print">
          <PdfDownloadButton href={`/patients/${id}/casebook`} body={{ recordId: record.id }} label="Form PDF" />
        </p>
      ) : null}
      {patient.lockedAt ? <p className="locked-banner">The patient&apos;s data are locked for analysis.</p> : null}
      {record?.signedAt ? (
        <p className="muted">Signed forms are read-only; remove the signature (with a reason) to correct them.</p>
      ) : null}
      {!record && !canWrite ? (
        <p className="muted">Not entered yet.</p>
      ) : (
        <fieldset className="form-frame" disabled={readOnly}>
          <CrfForm
            formType={formType}
            patientId={id}
            visitKey={record?.visitKey ?? visitKey}
            record={
              record ? { id: record.id, version: record.version, data: record.data, computed: record.computed } : null
            }
            context={context}
            today={new Date().toISOString().slice(0, 10)}
            cytokinePanel={settings.cytokinePanel}
            signedInEmail={actor.email}
            nextForm={nextForm}
            prefill={term ? { term, grade: grade ?? "", onset: onset ?? "" } : undefined}
          />
        </fieldset>
      )}
      {record && !readOnly ? <WithdrawFormButton patientId={id} recordId={record.id} /> : null}
      {record ? (
        <FieldNotes
          notes={queries
            .filter((q) => q.status !== "CLOSED")
            .map((q) => ({
              fieldPath: q.fieldPath,
              status: q.status,
              text: q.messages[q.messages.length - 1]?.text ?? "",
            }))}
          focusPath={field ?? null}
        />
      ) : null}
      {record ? (
        <QueryPanel
          patientId={id}
          recordId={record.id}
          queries={queries}
          fields={Object.entries(definition.labels).map(([path, label]) => ({ path, label }))}
          userId={actor.userId}
          canOpen={hasPermission(actor, "query.open", patient.site.id)}
          canAnswer={hasPermission(actor, "query.answer", patient.site.id)}
          canClose={hasPermission(actor, "query.close", patient.site.id)}
        />
      ) : null}
      {record && reviewDetails ? (
        <FormReviewPanel
          patientId={id}
          record={record}
          canSign={hasPermission(actor, "form.sign", patient.site.id)}
          canVerify={hasPermission(actor, "sdv.mark", patient.site.id)}
          locked={Boolean(patient.lockedAt)}
          details={reviewDetails}
        />
      ) : null}
      {record ? (
        <FieldVerificationList
          patientId={id}
          recordId={record.id}
          version={record.version}
          fields={listVerifiableFields(definition.labels, record.data, verifications)}
          canVerify={hasPermission(actor, "sdv.mark", patient.site.id)}
          timeZone={patient.site.timeZone}
        />
      ) : null}
      {record && hasPermission(actor, "audit.read", patient.site.id) ? (
        <HistoryLink patientId={id} recordId={record.id} label="History of this form" />
      ) : null}
    </section>
  );
}
