import "server-only";
import { hasPermission, scopeOf, siteFilter, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { diffFormData } from "@/lib/forms/flatten";
import type { FormContext } from "@/lib/forms/form-definition";
import { recordDateOf } from "@/lib/forms/form-dependencies";
import { getFormDefinition } from "@/lib/forms/registry";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PatientStatus } from "@/lib/generated/prisma/enums";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { ReasonSchema } from "@/lib/schemas/crf";
import { findNulCharacters } from "@/lib/schemas/nul-characters";
import { insertCrfRecordWithAudit } from "./crf-record-insert";
import { applyPatientStatusFromForm } from "./patient-status-from-form";
import { getPatientOrThrow } from "./patients";
import { recomputeDependents, STORED_RECORD, type StoredRecord } from "./recompute-dependents";
import { formatDateTime } from "@/lib/format-date";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

function toView(row: {
  id: string; formType: string; visitKey: string | null; data: Prisma.JsonValue; computed: Prisma.JsonValue;
  status: "IN_PROGRESS" | "COMPLETE"; version: number; updatedAt: Date; signedAt: Date | null; sdvAt: Date | null;
}): CrfRecordView {
  return {
    id: row.id,
    formType: row.formType,
    visitKey: row.visitKey,
    data: row.data,
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
    where: { patientId: patient.id, deletedAt: null, ...(formType ? { formType } : {}), ...siteFilter(actor, "patient.read") },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toView);
}

/** One form of a patient the actor may read; a form of another type or patient is "not found". */
export async function getCrfRecordOrThrow(actor: Actor, patientId: string, formType: string, recordId: string): Promise<CrfRecordView> {
  const patient = await getPatientOrThrow(actor, patientId);
  const row = UUID.test(recordId)
    ? await getPrisma().crfRecord.findFirst({
        where: { id: recordId, patientId: patient.id, formType, deletedAt: null, ...siteFilter(actor, "patient.read") },
      })
    : null;
  if (!row) throw new NotFoundError("Form");
  return toView(row);
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
 * Creates or updates one form. Validation (the form's own schema, then cross-form rules)
 * happens before anything is written; the record, its computed values and the audit
 * record with per-field old and new values commit in one transaction. An update must name
 * the version it was based on and give a reason; a stale version is a conflict, never a
 * silent overwrite.
 */
export async function saveCrfRecord(actor: Actor, request: SaveCrfRequest): Promise<CrfRecordView> {
  const definition = getFormDefinition(request.formType);
  if (!definition) throw new NotFoundError("Form type");
  if (!UUID.test(request.patientId)) throw new NotFoundError("Patient");

  return getPrisma().$transaction(async (tx) => {
    // One statement finds the patient the actor may read and locks it, which serializes saves
    // of one patient's forms (version checks and "one per visit" hold under concurrency).
    // getPatientOrThrow's site filter, in SQL: another site's patient is "not found" too.
    const scope = scopeOf(actor, "patient.read");
    const siteIds = scope.kind === "sites" ? scope.siteIds : [];
    const [locked] = await tx.$queryRaw<{ site_id: string; screening_date: Date; enrollment_date: Date | null; locked_at: Date | null; status: PatientStatus }[]>`
      SELECT "site_id"::text AS "site_id", "screening_date", "enrollment_date", "locked_at", "status" FROM "patients"
      WHERE "id" = ${request.patientId}::uuid AND "deleted_at" IS NULL
        AND (${scope.kind === "all"} OR "site_id" = ANY(${siteIds}::uuid[]))
      FOR UPDATE`;
    if (!locked) throw new NotFoundError("Patient");
    const patient = { id: request.patientId, site: { id: locked.site_id } };
    if (!hasPermission(actor, "patient.write", patient.site.id)) throw new ForbiddenError("You cannot enter data for this patient.");

    const parsed = definition.schema.safeParse(request.data);
    if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
    const data = parsed.data;
    const unstorable = findNulCharacters(data);
    if (Object.keys(unstorable).length > 0) throw new ValidationError(unstorable);

    if (locked.locked_at) throw new ConflictError("The patient's data are locked for analysis; ask a coordinator to unlock them.");
    const contextTypes = definition.contextFormTypes;
    const related = await tx.crfRecord.findMany({
      where: {
        patientId: patient.id,
        deletedAt: null,
        ...(contextTypes ? { formType: { in: [...contextTypes] } } : {}),
        ...(request.recordId ? { id: { not: request.recordId } } : {}),
      },
      orderBy: { createdAt: "asc" },
      select: STORED_RECORD,
    });
    const context: FormContext = {
      screeningDate: locked.screening_date.toISOString().slice(0, 10),
      enrollmentDate: locked.enrollment_date?.toISOString().slice(0, 10) ?? null,
      records: related.map((r) => ({ ...r, computed: (r.computed ?? {}) as Record<string, unknown> })),
    };
    const contextErrors = definition.checkInContext?.(data, context) ?? {};
    if (Object.keys(contextErrors).length) throw new ValidationError(contextErrors);
    const computed = (definition.compute?.(data, context) ?? {}) as Prisma.InputJsonValue;
    const status = definition.isComplete(data) ? "COMPLETE" : "IN_PROGRESS";
    const auditActor = actor;
    // The records just read under the lock, with the saved one, spare recomputation its own read.
    const recompute = (saved: StoredRecord, previousData: unknown = null) =>
      recomputeDependents(tx, auditActor, {
        patient: { id: patient.id, siteId: patient.site.id, screeningDate: context.screeningDate, enrollmentDate: context.enrollmentDate },
        changed: {
          formType: definition.type, formTitle: definition.title, recordId: saved.id, withdrawn: false,
          dates: [recordDateOf(definition.type, data), ...(previousData === null ? [] : [recordDateOf(definition.type, previousData)])],
        },
      }, { types: contextTypes ?? null, rows: [...related, saved] });
    const applyStatus = (recordId: string, reason: string | null) =>
      applyPatientStatusFromForm(tx, auditActor, { id: patient.id, siteId: patient.site.id, status: locked.status }, definition.patientStatusAfterSave?.(data) ?? null, {
        formTitle: definition.title, recordId, reason,
      });

    if (!request.recordId) {
      if (!definition.repeating) {
        // The context already holds the patient's forms of this type when the form reads them.
        const existing = !contextTypes || contextTypes.includes(definition.type)
          ? related.some((r) => r.formType === definition.type && r.visitKey === request.visitKey)
          : await tx.crfRecord.findFirst({
              where: { patientId: patient.id, formType: definition.type, visitKey: request.visitKey, deletedAt: null },
              select: { id: true },
            });
        if (existing) throw new ConflictError("This form has already been started by someone else. Reload it to see the saved answers.");
      }
      const created = await insertCrfRecordWithAudit(
        tx,
        auditActor,
        { patientId: patient.id, siteId: patient.site.id, formType: definition.type, visitKey: request.visitKey, data, computed, status, userId: actor.userId },
        diffFormData(null, data),
      );
      await recompute(created);
      await applyStatus(created.id, null);
      return toView(created);
    }

    const reason = ReasonSchema.safeParse(request.reason ?? "");
    if (!reason.success) throw new ValidationError({ reason: reason.error.issues.map((i) => i.message) });
    const current = await tx.crfRecord.findFirst({
      where: { id: request.recordId, patientId: patient.id, formType: definition.type, deletedAt: null },
    });
    if (!current) throw new NotFoundError("Form");
    if (current.signedAt) throw new ConflictError("This form is signed and read-only. Remove the signature (with a reason) to correct it.");
    if (request.expectedVersion !== current.version) {
      const editor = await tx.user.findUnique({ where: { id: current.updatedById }, select: { name: true } });
      throw new ConflictError(
        `This form was changed by ${editor?.name ?? "another user"} at ${formatDateTime(current.updatedAt)} after you opened it. Reload to see their changes, then apply yours again.`,
      );
    }
    const changes = diffFormData(current.data, data);
    const updated = await tx.crfRecord.update({
      where: { id: current.id, version: current.version },
      // A changed form is no longer the version the monitor verified.
      data: {
        data: data as Prisma.InputJsonValue,
        computed,
        status,
        version: { increment: 1 },
        updatedById: actor.userId,
        ...(changes.length ? { sdvById: null, sdvAt: null } : {}),
      },
    });
    if (changes.length) {
      await writeAudit(tx, auditActor, {
        action: "UPDATE",
        entityType: `form:${definition.type}`,
        entityId: current.id,
        siteId: patient.site.id,
        patientId: patient.id,
        changes,
        reason: reason.data,
      });
    }
    await recompute(updated, current.data);
    await applyStatus(current.id, reason.data);
    return toView(updated);
  });
}

/**
 * Withdraws a form entered in error. Clinical records are never hard-deleted: the row stays
 * with who, when and why, the audit trail keeps every value, and lists stop showing it.
 */
export async function deleteCrfRecord(actor: Actor, input: { patientId: string; recordId: string; reason: string }): Promise<void> {
  const patient = await getPatientOrThrow(actor, input.patientId);
  if (!hasPermission(actor, "patient.write", patient.site.id)) throw new ForbiddenError("You cannot change data for this patient.");
  const reason = ReasonSchema.safeParse(input.reason);
  if (!reason.success) throw new ValidationError({ reason: reason.error.issues.map((i) => i.message) });
  await getPrisma().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ locked_at: Date | null; screening_date: Date; enrollment_date: Date | null }[]>`
      SELECT "locked_at", "screening_date", "enrollment_date" FROM "patients" WHERE "id" = ${patient.id}::uuid FOR UPDATE`;
    if (locked!.locked_at) throw new ConflictError("The patient's data are locked for analysis.");
    const record = await tx.crfRecord.findFirst({ where: { id: input.recordId, patientId: patient.id, deletedAt: null } });
    if (!record) throw new NotFoundError("Form");
    if (record.signedAt) throw new ConflictError("A signed form cannot be deleted; remove the signature first.");
    await tx.crfRecord.update({ where: { id: record.id }, data: { deletedAt: new Date(), deleteReason: reason.data, updatedById: actor.userId } });
    await writeAudit(tx, actor, {
      action: "DELETE",
      entityType: `form:${record.formType}`,
      entityId: record.id,
      siteId: patient.site.id,
      patientId: patient.id,
      changes: diffFormData(record.data, null),
      reason: reason.data,
    });
    await recomputeDependents(tx, actor, {
      patient: {
        id: patient.id,
        siteId: patient.site.id,
        screeningDate: locked!.screening_date.toISOString().slice(0, 10),
        enrollmentDate: locked!.enrollment_date?.toISOString().slice(0, 10) ?? null,
      },
      changed: {
        formType: record.formType, formTitle: getFormDefinition(record.formType)?.title ?? record.formType, recordId: record.id, withdrawn: true,
        dates: [recordDateOf(record.formType, record.data)],
      },
    });
  });
}
