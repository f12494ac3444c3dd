import "server-only";
import { auditFormEvent } from "@/lib/audit/audit-log";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { diffFormData } from "@/lib/forms/flatten";
import { currentFormVersion } from "@/lib/forms/form-version";
import { formatDateTime } from "@/lib/format-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ReasonSchema } from "@/lib/schemas/crf";
import { finishSave, type PreparedSave } from "./crf-record-save";

export const NOTHING_CHANGED_MESSAGE =
  "Nothing to save: the form already holds these values. Change a value, or leave the form.";

/**
 * A correction of a saved form: it names the version it was based on (a stale version is a
 * conflict, never a silent overwrite), gives a reason, and changes at least one value. A
 * "correction" that changes nothing is refused rather than written: it would bump the
 * version and unverify the form with nothing in the audit trail to show why (README,
 * "Data-entry rules").
 */
export async function updateCrfRecord(
  tx: Prisma.TransactionClient,
  save: PreparedSave,
  request: { recordId: string; expectedVersion: number | null; reason: string | null },
) {
  const { definition, patient, actor } = save;
  const current = await tx.crfRecord.findFirst({
    where: { id: request.recordId, patientId: patient.id, formType: definition.type, deletedAt: null },
  });
  if (!current) throw new NotFoundError("Form");
  if (current.signedAt)
    throw new ConflictError("This form is signed and read-only. Remove the signature (with a reason) to correct it.");
  if (request.expectedVersion !== current.version) {
    const editor = await tx.user.findUnique({ where: { id: current.updatedById }, select: { name: true } });
    throw new ConflictError(
      `This form was changed by ${editor?.name ?? "another user"} at ${formatDateTime(current.updatedAt)} after you opened it. Reload to see their changes, then apply yours again.`,
    );
  }
  const changes = diffFormData(current.data, save.data);
  if (changes.length === 0) throw new ValidationError({ _form: [NOTHING_CHANGED_MESSAGE] }, NOTHING_CHANGED_MESSAGE);
  const reason = ReasonSchema.safeParse(request.reason ?? "");
  if (!reason.success) throw new ValidationError({ reason: reason.error.issues.map((i) => i.message) });

  const updated = await tx.crfRecord.update({
    where: { id: current.id, version: current.version },
    data: {
      data: save.data as Prisma.InputJsonValue,
      computed: save.computed,
      status: save.status,
      version: { increment: 1 },
      // Validated by today's schema: the corrected data are in the current version's shape.
      formVersion: currentFormVersion(definition),
      updatedById: actor.userId,
      // A changed form is no longer the version the monitor verified.
      sdvById: null,
      sdvAt: null,
    },
  });
  await auditFormEvent(tx, save.auditActor, {
    action: save.auditAction ?? "UPDATE",
    formType: definition.type,
    recordId: current.id,
    siteId: patient.siteId,
    patientId: patient.id,
    changes,
    reason: reason.data,
  });
  await finishSave(tx, save, updated, { previousData: current.data, reason: reason.data });
  return updated;
}
