import "server-only";
import { hasPermission, siteFilter, type Actor } from "@/lib/auth/actor";
import { confirmPasswordOrThrow } from "@/lib/auth/confirm-password";
import { INVESTIGATOR_SIGNATURE_MEANING } from "@/lib/auth/signature-meaning";
import { auditFormEvent, auditPatientEvent, type AuditEntry } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireUnlockedPatient } from "./patient-lock";
import { getPatientOrThrow } from "./patients";

type Tx = Prisma.TransactionClient;

/** Loads a form of a patient the actor may see, locked for the rest of the transaction. */
async function lockRecord(tx: Tx, patientId: string, recordId: string) {
  const [row] = await tx.$queryRaw<
    { id: string; status: string; version: number; signed_at: Date | null; locked_at: Date | null; form_type: string }[]
  >`
    SELECT r."id", r."status"::text AS "status", r."version", r."signed_at", p."locked_at", r."form_type"
    FROM "crf_records" r JOIN "patients" p ON p."id" = r."patient_id"
    WHERE r."id" = ${recordId}::uuid AND r."patient_id" = ${patientId}::uuid AND r."deleted_at" IS NULL
    FOR UPDATE OF r`;
  if (!row) throw new NotFoundError("Form");
  return row;
}

/**
 * Writes a review step's change to the form and its audit record: the form is the entity,
 * filed under its patient and site.
 */
async function updateRecordAudited(
  tx: Tx,
  actor: Actor,
  patient: { id: string; site: { id: string } },
  record: { id: string; form_type: string },
  data: Prisma.CrfRecordUncheckedUpdateInput,
  event: Pick<AuditEntry, "action" | "changes" | "reason">,
) {
  await tx.crfRecord.update({ where: { id: record.id }, data });
  await auditFormEvent(tx, actor, {
    ...event,
    formType: record.form_type,
    recordId: record.id,
    siteId: patient.site.id,
    patientId: patient.id,
  });
}

async function requireSitePermission(
  actor: Actor,
  patientId: string,
  permission: "form.sign" | "sdv.mark" | "patient.lock",
) {
  const patient = await getPatientOrThrow(actor, patientId);
  if (!hasPermission(actor, permission, patient.site.id)) throw new ForbiddenError();
  return patient;
}

/**
 * An investigator signs a complete form by re-entering their password (21 CFR 11.200: a
 * signature needs both identification components at the first signing of a session, so
 * a stolen session alone cannot sign). The form is read-only until unsigned with a reason.
 * The password goes through the sign-in throttle, so it cannot be guessed here either.
 */
export async function signCrfRecord(actor: Actor, input: { patientId: string; recordId: string; password: string }) {
  const patient = await requireSitePermission(actor, input.patientId, "form.sign");
  await confirmPasswordOrThrow(actor, input.password, "signature");
  return getPrisma().$transaction(async (tx) => {
    const record = await lockRecord(tx, patient.id, input.recordId);
    if (record.locked_at) throw new ConflictError("The patient's data are locked for analysis.");
    if (record.signed_at) throw new ConflictError("This form is already signed.");
    if (record.status !== "COMPLETE") throw new ConflictError("Only a complete form can be signed.");
    const signedAt = new Date();
    await updateRecordAudited(
      tx,
      actor,
      patient,
      record,
      { signedById: actor.userId, signedAt },
      {
        action: "SIGN",
        changes: [{ field: "signature", from: null, to: `${actor.name} (version ${record.version})` }],
        reason: INVESTIGATOR_SIGNATURE_MEANING,
      },
    );
    return { signedAt: signedAt.toISOString() };
  });
}

/** Removes a signature so the form can be corrected; the reason is required and audited. */
export async function unsignCrfRecord(actor: Actor, input: { patientId: string; recordId: string; reason: string }) {
  const patient = await requireSitePermission(actor, input.patientId, "form.sign");
  return getPrisma().$transaction(async (tx) => {
    const record = await lockRecord(tx, patient.id, input.recordId);
    if (record.locked_at) throw new ConflictError("The patient's data are locked for analysis.");
    if (!record.signed_at) throw new ConflictError("This form is not signed.");
    await updateRecordAudited(
      tx,
      actor,
      patient,
      record,
      { signedById: null, signedAt: null },
      {
        action: "UNSIGN",
        changes: [{ field: "signature", from: record.signed_at.toISOString(), to: null }],
        reason: input.reason,
      },
    );
  });
}

/**
 * A monitor marks the version they compared with the source documents as verified. Naming
 * the version makes a verification of data that changed meanwhile a conflict.
 */
export async function markSourceVerified(
  actor: Actor,
  input: { patientId: string; recordId: string; version: number },
) {
  const patient = await requireSitePermission(actor, input.patientId, "sdv.mark");
  return getPrisma().$transaction(async (tx) => {
    await requireUnlockedPatient(tx, patient.id);
    const record = await lockRecord(tx, patient.id, input.recordId);
    if (record.version !== input.version)
      throw new ConflictError("The form changed after you opened it; review the new version.");
    await updateRecordAudited(
      tx,
      actor,
      patient,
      record,
      { sdvById: actor.userId, sdvAt: new Date() },
      { action: "VERIFY", changes: [{ field: "sourceDataVerified", from: null, to: `version ${record.version}` }] },
    );
  });
}

/** Who signed and who verified a form, by name, and the site's time zone to show the times in. */
export interface FormReviewDetails {
  signedByName: string | null;
  sdvByName: string | null;
  timeZone: string;
}

export async function getFormReviewDetails(
  actor: Actor,
  patientId: string,
  recordId: string,
): Promise<FormReviewDetails> {
  const patient = await getPatientOrThrow(actor, patientId);
  const record = await getPrisma().crfRecord.findFirst({
    where: { id: recordId, patientId: patient.id, deletedAt: null, ...siteFilter(actor, "patient.read") },
    select: { signedById: true, sdvById: true },
  });
  if (!record) throw new NotFoundError("Form");
  const ids = [record.signedById, record.sdvById].filter((id): id is string => id !== null);
  const users = ids.length
    ? await getPrisma().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const nameOf = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? "a former user") : null);
  return {
    signedByName: nameOf(record.signedById),
    sdvByName: nameOf(record.sdvById),
    timeZone: patient.site.timeZone,
  };
}

/** A coordinator locks (or unlocks) a patient's data for analysis; every write is refused meanwhile. */
export async function setPatientLock(actor: Actor, input: { patientId: string; reason: string; locked: boolean }) {
  const patient = await requireSitePermission(actor, input.patientId, "patient.lock");
  return getPrisma().$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ locked_at: Date | null }[]>`
      SELECT "locked_at" FROM "patients" WHERE "id" = ${patient.id}::uuid FOR UPDATE`;
    if (Boolean(current!.locked_at) === input.locked)
      throw new ConflictError(input.locked ? "Already locked." : "Not locked.");
    const lockedAt = input.locked ? new Date() : null;
    await tx.patient.update({
      where: { id: patient.id },
      data: { lockedAt, lockedById: input.locked ? actor.userId : null },
    });
    await auditPatientEvent(tx, actor, {
      action: input.locked ? "LOCK" : "UNLOCK",
      patientId: patient.id,
      siteId: patient.site.id,
      changes: [
        { field: "lockedAt", from: current!.locked_at?.toISOString() ?? null, to: lockedAt?.toISOString() ?? null },
      ],
      reason: input.reason,
    });
  });
}
