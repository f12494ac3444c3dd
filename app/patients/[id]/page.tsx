import type { Metadata } from "next";
import { EnrollPatientForm } from "@/components/forms/enroll-patient-form";
import { PatientLockForm } from "@/components/forms/patient-lock-form";
import { ScreenFailureForm } from "@/components/forms/screen-failure-form";
import { PatientFormSection } from "@/components/patient-form-list";
import { PdfDownloadButton } from "@/components/pdf-download-button";
import { PatientTimeline } from "@/components/patient-timeline";
import { HistoryLink } from "@/components/work/history-link";
import { scheduleEndDate, type ScheduleEndEvents } from "@/lib/domain/schedule/schedule-end";
import { hasPermission } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/require-actor";
import { listCrfRecords } from "@/lib/data/crf-records";
import { getPatientOrThrow } from "@/lib/data/patients";
import { getStudySettings } from "@/lib/data/study-settings";
import { listFormDefinitions } from "@/lib/forms/registry";
import { PATIENT_STATUS_LABELS } from "@/lib/patient-status";
import { formatDate, formatDateTime } from "@/lib/format-date";
import { orNotFound } from "@/lib/http/or-not-found";

export const metadata: Metadata = { title: "Patient" };

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/patients/${id}`);
  const patient = await orNotFound(getPatientOrThrow(actor, id));
  const canWrite = hasPermission(actor, "patient.write", patient.site.id) && !patient.lockedAt;
  const [records, settings] = await Promise.all([listCrfRecords(actor, id), getStudySettings(actor)]);
  const today = new Date().toISOString().slice(0, 10);
  const formLists = { patientId: id, records, canWrite };

  return (
    <>
      <section className="card">
        <h1>Patient {patient.subjectId}</h1>
        <dl className="facts">
          <dt>Site</dt>
          <dd>
            {patient.site.name} ({patient.site.code})
          </dd>
          {patient.externalId ? (
            <>
              <dt>Site reference</dt>
              <dd>{patient.externalId}</dd>
            </>
          ) : null}
          <dt>Status</dt>
          <dd>{PATIENT_STATUS_LABELS[patient.status]}</dd>
          <dt>Screening date</dt>
          <dd>{formatDate(patient.screeningDate)}</dd>
          {patient.enrollmentDate ? (
            <>
              <dt>Enrollment date</dt>
              <dd>{formatDate(patient.enrollmentDate)}</dd>
            </>
          ) : null}
          {patient.screenFailureReason ? (
            <>
              <dt>Screen failure reason</dt>
              <dd>{patient.screenFailureReason}</dd>
            </>
          ) : null}
        </dl>
        {hasPermission(actor, "audit.read", patient.site.id) ? <HistoryLink patientId={id} /> : null}
        {patient.lockedAt ? (
          <p className="locked-banner">Data locked for analysis since {formatDateTime(patient.lockedAt)}.</p>
        ) : null}
        {hasPermission(actor, "audit.read", patient.site.id) ? (
          <p className="no-print">
            <PdfDownloadButton href={`/patients/${id}/casebook`} body={{}} label="Casebook PDF" />
          </p>
        ) : null}
        {hasPermission(actor, "patient.lock", patient.site.id) ? (
          <PatientLockForm patientId={id} locked={Boolean(patient.lockedAt)} />
        ) : null}
      </section>

      <PatientFormSection
        headingId="screening-heading"
        title="Screening"
        forms={listFormDefinitions("screening")}
        {...formLists}
      >
        {canWrite && patient.status === "SCREENING" ? (
          <>
            <EnrollPatientForm patientId={id} today={today} />
            <ScreenFailureForm patientId={id} />
          </>
        ) : null}
      </PatientFormSection>
      <PatientFormSection
        headingId="baseline-heading"
        title="Baseline"
        forms={listFormDefinitions("baseline")}
        {...formLists}
      />

      {patient.enrollmentDate ? (
        <>
          <PatientTimeline
            {...formLists}
            enrollmentDate={patient.enrollmentDate}
            until={scheduleEndDate(
              today,
              records.find((r) => r.formType === "end-of-study")?.data as ScheduleEndEvents | undefined,
            )}
            schedule={settings.schedule}
          />
          <PatientFormSection
            headingId="events-heading"
            title="Events"
            forms={listFormDefinitions("event")}
            {...formLists}
          />
          <PatientFormSection
            headingId="end-heading"
            title="Follow-up and end of study"
            forms={listFormDefinitions("end-of-study")}
            {...formLists}
          />
        </>
      ) : null}
    </>
  );
}
