import "server-only";
import type { FormContext, FormDefinition } from "@/lib/forms/form-definition";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ValidationError } from "@/lib/errors";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { findUnstorableText } from "@/lib/schemas/unstorable-text";
import type { LockedPatient } from "./patient-lock";
import { STORED_RECORD, type StoredRecord } from "./recompute-dependents";

/** The form's data checked against its own schema and made storable, or every field error. */
export function parseFormData(definition: FormDefinition, raw: unknown): unknown {
  const parsed = definition.schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
  const unstorable = findUnstorableText(parsed.data);
  if (Object.keys(unstorable).length > 0) throw new ValidationError(unstorable);
  return parsed.data;
}

export interface SaveContext {
  /** The patient's other current records that the form reads, oldest first, as stored. */
  related: StoredRecord[];
  context: FormContext;
}

/**
 * Reads, under the patient lock, the other forms the definition's rules read
 * (`contextFormTypes`; all of them when it names none), without the record being edited.
 */
export async function loadSaveContext(
  tx: Prisma.TransactionClient,
  patient: LockedPatient,
  definition: FormDefinition,
  editedRecordId: string | null,
): Promise<SaveContext> {
  const contextTypes = definition.contextFormTypes;
  const related = await tx.crfRecord.findMany({
    where: {
      patientId: patient.id,
      deletedAt: null,
      ...(contextTypes ? { formType: { in: [...contextTypes] } } : {}),
      ...(editedRecordId ? { id: { not: editedRecordId } } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: STORED_RECORD,
  });
  // Read with the patient lock (lockPatientForWrite's labRanges option).
  const labReferenceRanges = definition.readsLabReferenceRanges ? patient.labRanges : undefined;
  if (definition.readsLabReferenceRanges && !labReferenceRanges)
    throw new Error(`${definition.type} reads the site's lab ranges: lock the patient with them`);
  return {
    related,
    context: {
      screeningDate: patient.screeningDate,
      enrollmentDate: patient.enrollmentDate,
      records: related.map((r) => ({ ...r, computed: (r.computed ?? {}) as Record<string, unknown> })),
      ...(labReferenceRanges ? { labReferenceRanges } : {}),
    },
  };
}

/** The definition's cross-form rules (dates in order, the lesions of the baseline...), as field errors. */
export function checkInContext(definition: FormDefinition, data: unknown, context: FormContext): void {
  const errors = definition.checkInContext?.(data, context) ?? {};
  if (Object.keys(errors).length) throw new ValidationError(errors);
}
