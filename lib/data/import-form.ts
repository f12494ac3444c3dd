import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { isExpectedError, ValidationError } from "@/lib/errors";
import { diffFormData } from "@/lib/forms/flatten";
import { fillOmittedNullables } from "@/lib/forms/fill-omitted-nullables";
import { recordDateOf } from "@/lib/forms/form-dependencies";
import { UNSCHEDULED_VISIT } from "@/lib/forms/form-identity";
import { getFormDefinition } from "@/lib/forms/registry";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportForm } from "@/lib/import/import-bundle";
import { parseFormData } from "./crf-save-context";
import { saveCrfRecordInTransaction, type CrfRecordView } from "./crf-records";
import type { ImportLine } from "./imports";

/** A form of the patient as stored, kept for the rest of the patient's import instead of re-read per form. */
export interface KnownRecord {
  id: string;
  formType: string;
  visitKey: string | null;
  data: unknown;
}

/**
 * The report lists every form's changed fields; a 10,000-patient file has millions of them.
 * One string per distinct field path (a set bounded by the forms' layouts) instead of a new
 * string per line keeps the report from growing by more than its references.
 */
const FIELD_NAMES = new Map<string, string>();
function fieldName(path: string): string {
  const known = FIELD_NAMES.get(path);
  if (known !== undefined) return known;
  FIELD_NAMES.set(path, path);
  return path;
}

/** Runs one step; an expected refusal (validation, conflict, not found) is reported, anything else is a bug and propagates. */
export async function tryStep(
  step: () => Promise<unknown>,
  refuse: (field: string | null, message: string) => void,
): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    if (error instanceof ValidationError && Object.keys(error.fieldErrors).length) {
      for (const [field, messages] of Object.entries(error.fieldErrors))
        for (const message of messages) refuse(field === "_form" ? null : field, message);
    } else refuse(null, error.message);
    return false;
  }
}

/**
 * One form of an imported patient, inside the patient's transaction: unchanged when the patient
 * already has it with the same data, else saved through the one write path (created, or
 * corrected in place), or refused with its field errors.
 */
export async function importForm(
  tx: Prisma.TransactionClient,
  actor: Actor,
  patientId: string,
  subjectId: string,
  form: ImportForm,
  sha256: string,
  known: KnownRecord[],
  refuse: (field: string | null, message: string) => void,
): Promise<ImportLine> {
  const definition = getFormDefinition(form.formType)!;
  // ODM does not repeat the fixed visit of a once-per-patient form (screening, baseline...); the form does.
  const visitKey = definition.fixedVisitKey ?? form.visitKey;
  const line: ImportLine = {
    subjectId,
    formType: form.formType,
    visitKey,
    action: "refused",
    fields: [],
    source: form.source,
  };
  const raw = fillOmittedNullables(definition.schema, form.data, { emptyText: true });
  let parsed: unknown;
  if (!(await tryStep(async () => (parsed = parseFormData(definition, raw)), refuse))) return line;
  const existing = known.filter((record) => record.formType === form.formType && record.visitKey === visitKey);
  const same = existing.find((record) => diffFormData(record.data, parsed).length === 0);
  if (same) return { ...line, action: "unchanged" };
  // A form kept once per visit is corrected in place; a repeating one (adverse events) is a new
  // record; an unscheduled visit is the one of the same date (several may share the key).
  const target = definition.repeating
    ? undefined
    : visitKey === UNSCHEDULED_VISIT
      ? existing.find((record) => recordDateOf(form.formType, record.data) === recordDateOf(form.formType, parsed))
      : existing[0];
  // The version as it is now: an earlier form of this patient may have recomputed the target.
  const current = target
    ? await tx.crfRecord.findUnique({ where: { id: target.id }, select: { version: true } })
    : null;
  const request = {
    patientId,
    formType: form.formType,
    visitKey,
    recordId: target?.id ?? null,
    expectedVersion: current?.version ?? null,
    reason: target ? `Import of a file with SHA-256 ${sha256.slice(0, 16)}…` : null,
    data: raw,
  };
  let saved: CrfRecordView | undefined;
  const importing = { auditAction: "IMPORT" } as const;
  if (!(await tryStep(async () => (saved = await saveCrfRecordInTransaction(tx, actor, request, importing)), refuse)))
    return line;
  const record = { id: saved!.id, formType: saved!.formType, visitKey: saved!.visitKey, data: saved!.data };
  if (target) known[known.indexOf(target)] = record;
  else known.push(record);
  return {
    ...line,
    action: target ? "updated" : "created",
    fields: diffFormData(target?.data ?? null, parsed).map((c) => fieldName(c.field)),
  };
}
