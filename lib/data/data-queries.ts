import "server-only";
import { hasPermission, scopeOf, siteFilter, type Actor } from "@/lib/auth/actor";
import { writeAudit, type AuditAction } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { flattenFields } from "@/lib/forms/flatten";
import { getFormDefinition } from "@/lib/forms/registry";
import type { QueryStatus } from "@/lib/generated/prisma/enums";
import { requireUnlockedPatient } from "./patient-lock";
import { getPatientOrThrow } from "./patients";

export interface DataQueryView {
  id: string;
  recordId: string;
  fieldPath: string;
  fieldLabel: string;
  status: QueryStatus;
  openedById: string;
  openedAt: string;
  messages: { kind: string; authorName: string; text: string; createdAt: string }[];
}

/** Queries on one form, oldest first, reachable only through a patient the actor may read. */
export async function listRecordQueries(actor: Actor, patientId: string, recordId: string): Promise<DataQueryView[]> {
  const patient = await getPatientOrThrow(actor, patientId);
  const rows = await getPrisma().dataQuery.findMany({
    where: { patientId: patient.id, recordId },
    orderBy: { openedAt: "asc" },
    include: { messages: { orderBy: { createdAt: "asc" } }, record: { select: { formType: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    recordId: row.recordId,
    fieldPath: row.fieldPath,
    fieldLabel: getFormDefinition(row.record.formType)?.labels[row.fieldPath] ?? row.fieldPath,
    status: row.status,
    openedById: row.openedById,
    openedAt: row.openedAt.toISOString(),
    messages: row.messages.map((m) => ({
      kind: m.kind,
      authorName: m.authorName,
      text: m.text,
      createdAt: m.createdAt.toISOString(),
    })),
  }));
}

/** Open (not yet closed) queries per site (by id and by code) and per patient, within the actor's read scope. */
export async function countOpenQueries(
  actor: Actor,
): Promise<{ bySite: Record<string, number>; bySiteCode: Record<string, number>; byPatient: Record<string, number> }> {
  if (scopeOf(actor, "patient.read").kind === "none") return { bySite: {}, bySiteCode: {}, byPatient: {} };
  const where = { status: { in: ["OPEN", "ANSWERED"] as QueryStatus[] }, ...siteFilter(actor, "patient.read") };
  const [bySite, byPatient] = await Promise.all([
    getPrisma().dataQuery.groupBy({ by: ["siteId"], where, _count: { _all: true } }),
    getPrisma().dataQuery.groupBy({ by: ["patientId"], where, _count: { _all: true } }),
  ]);
  const codes = new Map(
    (
      await getPrisma().site.findMany({
        where: { id: { in: bySite.map((r) => r.siteId) } },
        select: { id: true, code: true },
      })
    ).map((s) => [s.id, s.code]),
  );
  return {
    bySite: Object.fromEntries(bySite.map((r) => [r.siteId, r._count._all])),
    bySiteCode: Object.fromEntries(bySite.map((r) => [codes.get(r.siteId) ?? r.siteId, r._count._all])),
    byPatient: Object.fromEntries(byPatient.map((r) => [r.patientId, r._count._all])),
  };
}

/** A coordinator or monitor raises a query on a field that the form actually has (not on a locked patient). */
export async function openDataQuery(
  actor: Actor,
  input: { patientId: string; recordId: string; fieldPath: string; text: string },
) {
  const patient = await getPatientOrThrow(actor, input.patientId);
  if (!hasPermission(actor, "query.open", patient.site.id)) throw new ForbiddenError();
  const record = await getPrisma().crfRecord.findFirst({
    where: { id: input.recordId, patientId: patient.id, deletedAt: null },
  });
  if (!record) throw new NotFoundError("Form");
  const known = new Set([
    ...Object.keys(getFormDefinition(record.formType)?.labels ?? {}),
    ...Object.keys(flattenFields(record.data)),
  ]);
  if (!known.has(input.fieldPath)) throw new ValidationError({ fieldPath: ["This form has no such field"] });
  return getPrisma().$transaction(async (tx) => {
    await requireUnlockedPatient(tx, patient.id);
    const query = await tx.dataQuery.create({
      data: {
        patientId: patient.id,
        siteId: patient.site.id,
        recordId: record.id,
        fieldPath: input.fieldPath,
        openedById: actor.userId,
        messages: { create: { authorId: actor.userId, authorName: actor.name, kind: "OPEN", text: input.text } },
      },
    });
    await writeAudit(tx, actor, {
      action: "QUERY_OPEN",
      entityType: "query",
      entityId: query.id,
      siteId: patient.site.id,
      patientId: patient.id,
      changes: [{ field: input.fieldPath, from: null, to: input.text }],
    });
    return { id: query.id };
  });
}

type Transition = { kind: "ANSWER" | "CLOSE" | "REOPEN"; from: QueryStatus[]; to: QueryStatus; action: AuditAction };

const TRANSITIONS: Record<"answer" | "close" | "reopen", Transition> = {
  answer: { kind: "ANSWER", from: ["OPEN"], to: "ANSWERED", action: "QUERY_ANSWER" },
  close: { kind: "CLOSE", from: ["OPEN", "ANSWERED"], to: "CLOSED", action: "QUERY_CLOSE" },
  reopen: { kind: "REOPEN", from: ["ANSWERED", "CLOSED"], to: "OPEN", action: "QUERY_REOPEN" },
};

/**
 * The site answers (query.answer); the opener closes or re-opens (query.close and being
 * the opener). Each step adds a message, moves the status and is audited together.
 */
export async function replyToDataQuery(
  actor: Actor,
  step: keyof typeof TRANSITIONS,
  input: { patientId: string; queryId: string; text: string },
) {
  const patient = await getPatientOrThrow(actor, input.patientId);
  const transition = TRANSITIONS[step];
  const permission = step === "answer" ? "query.answer" : "query.close";
  if (!hasPermission(actor, permission, patient.site.id)) throw new ForbiddenError();
  return getPrisma().$transaction(async (tx) => {
    await requireUnlockedPatient(tx, patient.id);
    const [query] = await tx.$queryRaw<{ id: string; status: QueryStatus; opened_by_id: string }[]>`
      SELECT "id", "status"::text AS "status", "opened_by_id" FROM "data_queries"
      WHERE "id" = ${input.queryId}::uuid AND "patient_id" = ${patient.id}::uuid FOR UPDATE`;
    if (!query) throw new NotFoundError("Query");
    if (step !== "answer" && query.opened_by_id !== actor.userId)
      throw new ForbiddenError("Only the person who opened the query can close or re-open it.");
    if (!transition.from.includes(query.status))
      throw new ConflictError(
        `A query that is ${query.status.toLowerCase()} cannot be ${step === "answer" ? "answered" : step === "close" ? "closed" : "re-opened"}.`,
      );
    await tx.dataQuery.update({
      where: { id: query.id },
      data: {
        status: transition.to,
        messages: {
          create: { authorId: actor.userId, authorName: actor.name, kind: transition.kind, text: input.text },
        },
      },
    });
    await writeAudit(tx, actor, {
      action: transition.action,
      entityType: "query",
      entityId: query.id,
      siteId: patient.site.id,
      patientId: patient.id,
      changes: [{ field: "status", from: query.status, to: transition.to }],
      reason: input.text,
    });
    return { status: transition.to };
  });
}
