import "server-only";
import { auditFormEvent, type AuditActor } from "@/lib/audit/audit-log";
import { diffFormData } from "@/lib/forms/flatten";
import { FORM_DEPENDENCIES, listDependentFormTypes, movesFirstDate, recordDateOf } from "@/lib/forms/form-dependencies";
import type { FormContext, RelatedRecord } from "@/lib/forms/form-definition";
import { getFormDefinition } from "@/lib/forms/registry";
import type { Prisma } from "@/lib/generated/prisma/client";
import { replaceProjections } from "./projections";

export interface RecomputeScope {
  patient: { id: string; siteId: string; screeningDate: string; enrollmentDate: string | null };
  /**
   * The record that was created, edited or withdrawn, and its dates (recordDateOf) before and
   * after the change: an edit can move a record in time.
   */
  changed: { formType: string; formTitle: string; recordId: string; withdrawn: boolean; dates: readonly string[] };
}

/** The columns of StoredRecord, as a Prisma select. */
export const STORED_RECORD = {
  id: true,
  formType: true,
  visitKey: true,
  data: true,
  computed: true,
  version: true,
  signedAt: true,
  createdAt: true,
} as const;

/** What recomputation reads of a record. */
export interface StoredRecord {
  id: string;
  formType: string;
  visitKey: string | null;
  data: Prisma.JsonValue;
  computed: Prisma.JsonValue;
  version: number;
  signedAt: Date | null;
  createdAt: Date;
}

/**
 * The patient's current records that the caller already read inside the same transaction and
 * patient lock, with the changed record as it now is: `types` null means every form type.
 * When they include every type recomputation reads, its own query is skipped.
 */
export interface LoadedRecords {
  types: readonly string[] | null;
  rows: StoredRecord[];
}

/** JSONB drops undefined members; compare and store what the database will hold. */
const asStored = (value: unknown): Record<string, unknown> =>
  JSON.parse(JSON.stringify(value ?? {})) as Record<string, unknown>;

/**
 * Leaves out the dependent types that read only the first date of the changed type (labs read
 * the first dose) when the change cannot move that date, judged from the records the caller
 * already read; without them nothing is left out.
 */
function skipUnmovedFirstDate(types: string[], scope: RecomputeScope, loaded?: LoadedRecords): string[] {
  const changedType = scope.changed.formType;
  if (!loaded || (loaded.types !== null && !loaded.types.includes(changedType))) return types;
  const otherDates = loaded.rows
    .filter((r) => r.formType === changedType && r.id !== scope.changed.recordId)
    .map((r) => recordDateOf(changedType, r.data));
  if (movesFirstDate(scope.changed.dates, otherDates)) return types;
  return types.filter(
    (type) => type === changedType || !FORM_DEPENDENCIES[type]?.readsOnlyFirstDateOf?.includes(changedType),
  );
}

/**
 * Recomputes, inside the caller's transaction, every record of the patient whose computed
 * values depend on the changed form (lib/forms/form-dependencies), with the forms' own
 * `compute`. Dependency types go first and, within a type, records in date order, each
 * seeing its predecessors' fresh values (the nadir chain, the previous visit's dose).
 * A record whose values change gets a new version and an audit record naming the change
 * that caused it; a signed one also loses its signature (docs/decisions/0006), and its rows in
 * the typed tables are replaced. Returns the
 * ids of the records that changed.
 */
export async function recomputeDependents(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  scope: RecomputeScope,
  loaded?: LoadedRecords,
): Promise<string[]> {
  const types = skipUnmovedFirstDate(listDependentFormTypes(scope.changed.formType), scope, loaded);
  if (types.length === 0) return [];
  // Only the forms the recomputed computes read, not every record of the patient.
  const typesRead = [...new Set(types.flatMap((type) => [type, ...(FORM_DEPENDENCIES[type]?.dependsOn ?? [])]))];
  const rows: StoredRecord[] =
    loaded && typesRead.every((type) => loaded.types === null || loaded.types.includes(type))
      ? loaded.rows
          .filter((r) => typesRead.includes(r.formType))
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      : await tx.crfRecord.findMany({
          where: { patientId: scope.patient.id, deletedAt: null, formType: { in: typesRead } },
          orderBy: { createdAt: "asc" },
          select: STORED_RECORD,
        });
  const working: RelatedRecord[] = rows.map((r) => ({
    id: r.id,
    formType: r.formType,
    visitKey: r.visitKey,
    data: r.data,
    computed: asStored(r.computed),
  }));
  // A form in a date-ordered chain reads only its own earlier records (FORM_DEPENDENCIES), so
  // a change dated D cannot alter the records of its own type dated before D: a new visit at
  // the end of the chain recomputes nothing before it (saves stay O(1) as a trial grows).
  const since =
    scope.changed.dates.length > 0 && scope.changed.dates.every(Boolean) ? [...scope.changed.dates].sort()[0]! : "";
  const unaffected = (r: (typeof rows)[number]) =>
    since !== "" && r.formType === scope.changed.formType && recordDateOf(r.formType, r.data) < since;
  const targets = rows
    .filter((r) => types.includes(r.formType) && !unaffected(r))
    .sort(
      (a, b) =>
        types.indexOf(a.formType) - types.indexOf(b.formType) ||
        recordDateOf(a.formType, a.data).localeCompare(recordDateOf(b.formType, b.data)),
    );

  const changedForm = `${scope.changed.formTitle} ${scope.changed.recordId}`;
  const reason = scope.changed.withdrawn
    ? `Recomputed after withdrawal of ${changedForm}`
    : `Recomputed after change to ${changedForm}`;
  const changedIds: string[] = [];
  for (const row of targets) {
    const definition = getFormDefinition(row.formType);
    if (!definition?.compute) continue;
    const context: FormContext = {
      screeningDate: scope.patient.screeningDate,
      enrollmentDate: scope.patient.enrollmentDate,
      records: working.filter((r) => r.id !== row.id),
    };
    // The stored data are the schema's validated output, which is what compute takes.
    const computed = asStored(definition.compute(row.data as never, context));
    const entry = working.find((r) => r.id === row.id)!;
    const changes = diffFormData(entry.computed, computed).map((c) => ({ ...c, field: `computed.${c.field}` }));
    if (changes.length === 0) continue;
    entry.computed = computed;
    changedIds.push(row.id);
    await tx.crfRecord.update({
      where: { id: row.id, version: row.version },
      data: {
        computed: computed as Prisma.InputJsonValue,
        version: { increment: 1 },
        ...(row.signedAt ? { signedById: null, signedAt: null } : {}),
      },
    });
    const auditTarget = {
      formType: row.formType,
      recordId: row.id,
      siteId: scope.patient.siteId,
      patientId: scope.patient.id,
    };
    await auditFormEvent(tx, actor, { action: "RECOMPUTE", ...auditTarget, changes, reason });
    if (row.signedAt) {
      await auditFormEvent(tx, actor, {
        action: "UNSIGN",
        ...auditTarget,
        changes: [{ field: "signature", from: row.signedAt.toISOString(), to: null }],
        reason: `Signature invalidated: the signed computed values changed (${reason.charAt(0).toLowerCase()}${reason.slice(1)}); the investigator must review and sign again`,
      });
    }
  }
  // The recomputed forms' typed-table rows follow their new computed values (one statement).
  if (changedIds.length > 0) {
    await replaceProjections(
      tx,
      working
        .filter((r) => changedIds.includes(r.id))
        .map((r) => ({
          id: r.id,
          patientId: scope.patient.id,
          formType: r.formType,
          data: r.data,
          computed: r.computed,
          withdrawn: false,
        })),
    );
  }
  return changedIds;
}
