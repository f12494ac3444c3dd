import "server-only";
import { ConflictError, ValidationError } from "@/lib/errors";
import { diffFormData } from "@/lib/forms/flatten";
import { resolveVisitKey, UNSCHEDULED_VISIT } from "@/lib/forms/form-identity";
import type { FormDefinition } from "@/lib/forms/form-definition";
import { currentFormVersion } from "@/lib/forms/form-version";
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertCrfRecordWithAudit, type InsertedCrfRecord } from "./crf-record-insert";
import { finishSave, type PreparedSave } from "./crf-record-save";
import type { LockedPatient } from "./patient-lock";

const DUPLICATE_MESSAGE = "This form has already been started by someone else. Reload it to see the saved answers.";

/** The visit a new form is filed under (lib/forms/form-identity), or a field error on visitKey. */
export function visitKeyForNewForm(
  definition: FormDefinition,
  patient: LockedPatient,
  requested: string | null,
): string | null {
  const resolution = resolveVisitKey(definition, requested, patient.schedule);
  if (!resolution.ok) throw new ValidationError({ visitKey: [resolution.message] }, resolution.message);
  return resolution.visitKey;
}

/**
 * A new form and its CREATE audit record. A form recorded once per patient or per visit is
 * refused when the patient already has it (checked under the patient lock; the partial unique
 * index crf_records_one_per_visit holds the same rule for any writer); unscheduled visits repeat.
 */
export async function createCrfRecord(
  tx: Prisma.TransactionClient,
  save: PreparedSave,
  visitKey: string | null,
): Promise<InsertedCrfRecord> {
  const { definition, patient, loaded } = save;
  if (!definition.repeating && visitKey !== UNSCHEDULED_VISIT) {
    const contextTypes = definition.contextFormTypes;
    // The context already holds the patient's forms of this type when the form reads them.
    const existing =
      !contextTypes || contextTypes.includes(definition.type)
        ? loaded.related.some((r) => r.formType === definition.type && r.visitKey === visitKey)
        : await tx.crfRecord.findFirst({
            where: { patientId: patient.id, formType: definition.type, visitKey, deletedAt: null },
            select: { id: true },
          });
    if (existing) throw new ConflictError(DUPLICATE_MESSAGE);
  }
  const created = await insertCrfRecordWithAudit(
    tx,
    save.auditActor,
    {
      patientId: patient.id,
      siteId: patient.siteId,
      formType: definition.type,
      visitKey,
      data: save.data,
      computed: save.computed,
      status: save.status,
      formVersion: currentFormVersion(definition),
      userId: save.actor.userId,
    },
    diffFormData(null, save.data),
    save.auditAction,
  );
  await finishSave(tx, save, created, { previousData: null, reason: null });
  return created;
}
