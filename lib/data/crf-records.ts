import "server-only";
import { siteFilter, type Actor } from "@/lib/auth/actor";
import { auditFormEvent } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { diffFormData } from "@/lib/forms/flatten";
import { recordDateOf } from "@/lib/forms/form-dependencies";
import { upgradeFormData } from "@/lib/forms/form-version";
import { getFormDefinition } from "@/lib/forms/registry";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ReasonSchema } from "@/lib/schemas/crf";
import { createCrfRecord, visitKeyForNewForm } from "./crf-record-create";
import type { PreparedSave } from "./crf-record-save";
import { updateCrfRecord } from "./crf-record-update";
import { checkInContext, loadSaveContext, parseFormData } from "./crf-save-context";
import { assertDosingSafety } from "./dispensing-safety";
import { raiseSafetyAlerts, readDataBeforeSave } from "./safety-alerts";
import { reconcileEditChecks } from "./edit-check-queries";
import { feedsEfficacyFacts, refreshEfficacyFacts } from "./efficacy-facts";
import { assertNotLockedForAnalysis, lockPatientForWrite } from "./patient-lock";
import { getPatientOrThrow } from "./patients";
import { replaceProjections } from "./projections";
import { recomputeDependents } from "./recompute-dependents";
import { UUID_PATTERN } from "@/lib/schemas/uuid";

export interface CrfRecordView {
  id: string;
  formType: string;
  visitKey: string | null;
  data: unknown;
  computed: Record<string, unknown>;
  status: "IN_PROGRESS" | "COMPLETE";
  version: number;
  updatedAt: string;
  signedAt: string | null;
  sdvAt: string | null;
}

/** A form record as pages, the API and the exports show it (dates as ISO strings, computed never null). */
export function toCrfRecordView(row: {
  id: string;
  formType: string;
  visitKey: string | null;
  data: Prisma.JsonValue;
  computed: Prisma.JsonValue;
  status: "IN_PROGRESS" | "COMPLETE";
  version: number;
  updatedAt: Date;
  signedAt: Date | null;
  sdvAt: Date | null;
  formVersion?: number;
}): CrfRecordView {
  const definition = getFormDefinition(row.formType);
  return {
    id: row.id,
    formType: row.formType,
    visitKey: row.visitKey,
    // Data saved under an older version of the form are read in today's shape, by the form's
    // written upgrade steps (lib/forms/form-version.ts); a save then stores them in it.
    data:
      definition && row.formVersion !== undefined
        ? upgradeFormData(definition, row.data, row.formVersion).data
        : row.data,
    computed: (row.computed ?? {}) as Record<string, unknown>,
    status: row.status,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    signedAt: row.signedAt?.toISOString() ?? null,
    sdvAt: row.sdvAt?.toISOString() ?? null,
  };
}

/** The patient's forms (not deleted), reachable only through a patient the actor may read. */
export async function listCrfRecords(actor: Actor, patientId: string, formType?: string): Promise<CrfRecordView[]> {
  const patient = await getPatientOrThrow(actor, patientId);
  const rows = await getPrisma().crfRecord.findMany({
    where: {
      patientId: patient.id,
      deletedAt: null,
      ...(formType ? { formType } : {}),
      ...siteFilter(actor, "patient.read"),
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toCrfRecordView);
}

/** One form of a patient the actor may read; a form of another type or patient is "not found". */
export async function getCrfRecordOrThrow(
  actor: Actor,
  patientId: string,
  formType: string,
  recordId: string,
): Promise<CrfRecordView> {
  const patient = await getPatientOrThrow(actor, patientId);
  const row = UUID_PATTERN.test(recordId)
    ? await getPrisma().crfRecord.findFirst({
        where: { id: recordId, patientId: patient.id, formType, deletedAt: null, ...siteFilter(actor, "patient.read") },
      })
    : null;
  if (!row) throw new NotFoundError("Form");
  return toCrfRecordView(row);
}

export interface SaveCrfRequest {
  patientId: string;
  formType: string;
  visitKey: string | null;
  recordId: string | null;
  expectedVersion: number | null;
  reason: string | null;
  data: unknown;
}

/**
 * Creates or updates one form: the one write path of every form, whichever way it comes
 * (web form, REST API, demo seed, import). Under the patient lock: the form's identity (its
 * visit, from the schedule and the form's cardinality), its own schema, then its cross-form
 * rules, all before anything is written; the record, its computed values, its audit record
 * with per-field old and new values, the recomputed dependents and the patient status the
 * data imply commit in one transaction.
 */
export async function saveCrfRecord(actor: Actor, request: SaveCrfRequest): Promise<CrfRecordView> {
  if (!getFormDefinition(request.formType)) throw new NotFoundError("Form type");
  return getPrisma().$transaction((tx) => saveCrfRecordInTransaction(tx, actor, request));
}

/** How an import saves through the one write path. */
export interface ImportSaveOptions {
  /** Marks the audit rows of the forms written by an import (the file is named by the patient's IMPORT event). */
  auditAction: "IMPORT";
}

/**
 * saveCrfRecord inside the caller's transaction: an import saves all of a patient's forms in
 * one, so the patient is imported whole or not at all.
 */
export async function saveCrfRecordInTransaction(
  tx: Prisma.TransactionClient,
  actor: Actor,
  request: SaveCrfRequest,
  importing?: ImportSaveOptions,
): Promise<CrfRecordView> {
  const definition = getFormDefinition(request.formType);
  if (!definition) throw new NotFoundError("Form type");
  const patient = await lockPatientForWrite(tx, actor, request.patientId, {
    labRanges: definition.readsLabReferenceRanges,
  });
  const visitKey = request.recordId ? null : visitKeyForNewForm(definition, patient, request.visitKey);
  const data = parseFormData(definition, request.data);
  assertNotLockedForAnalysis(patient);
  const loaded = await loadSaveContext(tx, patient, definition, request.recordId);
  checkInContext(definition, data, loaded.context);
  const save: PreparedSave = {
    actor,
    // The Actor itself: a token-made change names the token in its audit rows.
    auditActor: actor,
    definition,
    patient,
    data,
    computed: (definition.compute?.(data, loaded.context) ?? {}) as Prisma.InputJsonValue,
    status: definition.isComplete(data) ? "COMPLETE" : "IN_PROGRESS",
    loaded,
    auditAction: importing?.auditAction,
  };
  await assertDosingSafety(tx, definition.type, data, loaded.context, save.computed);
  const before = await readDataBeforeSave(tx, definition.type, request.recordId);
  const saved = request.recordId
    ? await updateCrfRecord(tx, save, { ...request, recordId: request.recordId })
    : await createCrfRecord(tx, save, visitKey);
  await raiseSafetyAlerts(tx, {
    formType: definition.type,
    patientId: patient.id,
    siteId: patient.siteId,
    recordId: saved.id,
    before,
    after: data,
  });
  return toCrfRecordView(saved);
}

/**
 * Withdraws a form entered in error. Clinical records are never hard-deleted: the row stays
 * with who, when and why, the audit trail keeps every value, and lists stop showing it.
 */
export async function deleteCrfRecord(
  actor: Actor,
  input: { patientId: string; recordId: string; reason: string },
): Promise<void> {
  const reason = ReasonSchema.safeParse(input.reason);
  await getPrisma().$transaction(async (tx) => {
    const patient = await lockPatientForWrite(tx, actor, input.patientId);
    if (!reason.success) throw new ValidationError({ reason: reason.error.issues.map((i) => i.message) });
    if (patient.analysisLockedAt) throw new ConflictError("The patient's data are locked for analysis.");
    const record = UUID_PATTERN.test(input.recordId)
      ? await tx.crfRecord.findFirst({ where: { id: input.recordId, patientId: patient.id, deletedAt: null } })
      : null;
    if (!record) throw new NotFoundError("Form");
    if (record.signedAt) throw new ConflictError("A signed form cannot be deleted; remove the signature first.");
    await tx.crfRecord.update({
      where: { id: record.id },
      data: { deletedAt: new Date(), deleteReason: reason.data, updatedById: actor.userId },
    });
    // A withdrawn form has no rows in the typed tables.
    await replaceProjections(tx, [
      { id: record.id, patientId: patient.id, formType: record.formType, data: null, computed: null, withdrawn: true },
    ]);
    const auditActor = actor;
    await auditFormEvent(tx, auditActor, {
      action: "DELETE",
      formType: record.formType,
      recordId: record.id,
      siteId: patient.siteId,
      patientId: patient.id,
      changes: diffFormData(record.data, null),
      reason: reason.data,
    });
    await recomputeDependents(tx, auditActor, {
      patient,
      changed: {
        formType: record.formType,
        formTitle: getFormDefinition(record.formType)?.title ?? record.formType,
        recordId: record.id,
        withdrawn: true,
        dates: [recordDateOf(record.formType, record.data)],
      },
    });
    if (feedsEfficacyFacts(record.formType)) await refreshEfficacyFacts(tx, patient);
    await reconcileEditChecks(tx, actor, patient, record.formType);
  });
}
