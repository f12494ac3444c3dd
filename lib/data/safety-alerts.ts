import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decideSafetyAlert } from "@/lib/mail/safety-alert-rules";
import { enqueueAlertMail } from "./mail-outbox";

const ALERTING_FORMS = new Set(["adverse-event", "pregnancy-test"]);
type Data = Record<string, unknown> | null;

/** The edited record's data before the save, for the forms that can raise an alert (else null, with no query). */
export async function readDataBeforeSave(
  tx: Prisma.TransactionClient,
  formType: string,
  recordId: string | null,
): Promise<Data> {
  if (!recordId || !ALERTING_FORMS.has(formType)) return null;
  const row = await tx.crfRecord.findUnique({ where: { id: recordId }, select: { data: true } });
  return (row?.data ?? null) as Data;
}

/**
 * In the save's own transaction: a new or upgraded SAE or a pregnancy is written to the mail
 * outbox for the PI, the coordinators and the site's investigators, so the alert commits with
 * the event and is sent after it (lib/mail/mail-sender).
 */
export async function raiseSafetyAlerts(
  tx: Prisma.TransactionClient,
  save: { formType: string; patientId: string; siteId: string; recordId: string; before: Data; after: unknown },
): Promise<void> {
  if (!ALERTING_FORMS.has(save.formType)) return;
  // Most adverse events alert nobody: the patient's identity (for the message) is read only when one does.
  if (!decideSafetyAlert(save.formType, save.before, save.after as Data, { subjectId: "", siteCode: "" })) return;
  const patient = await tx.patient.findUniqueOrThrow({
    where: { id: save.patientId },
    select: { subjectId: true, site: { select: { code: true } } },
  });
  const alert = decideSafetyAlert(save.formType, save.before, save.after as Data, {
    subjectId: patient.subjectId,
    siteCode: patient.site.code,
  });
  if (!alert) return;
  await enqueueAlertMail(tx, {
    kind: alert.kind,
    roles: ["PRINCIPAL_INVESTIGATOR", "COORDINATOR", "INVESTIGATOR"],
    siteId: save.siteId,
    patientId: save.patientId,
    subject: alert.subject,
    body: `${alert.body}\n\nRecord: /patients/${save.patientId}/forms/${save.formType}?record=${save.recordId}`,
  });
}
