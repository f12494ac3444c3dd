import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { AuditActor } from "@/lib/audit/audit-log";
import { recordDateOf } from "@/lib/forms/form-dependencies";
import type { FormDefinition } from "@/lib/forms/form-definition";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SaveContext } from "./crf-save-context";
import { reconcileEditChecks } from "./edit-check-queries";
import { efficacyFactsForSave, refreshEfficacyFacts } from "./efficacy-facts";
import type { LockedPatient } from "./patient-lock";
import { applyPatientStatusFromForm } from "./patient-status-from-form";
import { replaceProjections } from "./projections";
import { recomputeDependents, type StoredRecord } from "./recompute-dependents";

/** A form save after validation, while the patient lock is held: what create and update share. */
export interface PreparedSave {
  actor: Actor;
  auditActor: AuditActor;
  definition: FormDefinition;
  patient: LockedPatient;
  data: unknown;
  computed: Prisma.InputJsonValue;
  status: "IN_PROGRESS" | "COMPLETE";
  loaded: SaveContext;
  /** Set by an import: its audit rows say IMPORT instead of CREATE/UPDATE. */
  auditAction?: "IMPORT";
}

/**
 * What follows every save in the same transaction: the form's typed-table rows are replaced, the forms whose computed values read this
 * one are recomputed (with the records already read under the lock, sparing a query), then
 * the cross-form edit checks that read this form open or close their system queries, and
 * the patient status the data implies is applied, audited with the save's reason.
 */
export async function finishSave(
  tx: Prisma.TransactionClient,
  save: PreparedSave,
  saved: StoredRecord,
  change: { previousData: unknown; reason: string | null },
): Promise<void> {
  const { definition, patient, data, auditActor } = save;
  // The form's rows in the typed tables (lib/forms/projections), from what was just stored;
  // before recomputation, which replaces them again if it changes this form's computed values.
  // The patient's efficacy facts ride on the same statement (lib/data/efficacy-facts.ts).
  const facts = efficacyFactsForSave(definition, patient, [...save.loaded.related, saved]);
  await replaceProjections(
    tx,
    [
      {
        id: saved.id,
        patientId: patient.id,
        formType: definition.type,
        data,
        computed: save.computed,
        withdrawn: false,
      },
    ],
    facts.ctes,
  );
  const recomputed = await recomputeDependents(
    tx,
    auditActor,
    {
      patient,
      changed: {
        formType: definition.type,
        formTitle: definition.title,
        recordId: saved.id,
        withdrawn: false,
        dates: [
          recordDateOf(definition.type, data),
          ...(change.previousData === null ? [] : [recordDateOf(definition.type, change.previousData)]),
        ],
      },
    },
    { types: definition.contextFormTypes ?? null, rows: [...save.loaded.related, saved] },
  );
  if (facts.refreshAfter(recomputed)) await refreshEfficacyFacts(tx, patient);
  await reconcileEditChecks(tx, save.actor, patient, definition.type);
  await applyPatientStatusFromForm(
    tx,
    auditActor,
    { id: patient.id, siteId: patient.siteId, status: patient.status },
    definition.patientStatusAfterSave?.(data) ?? null,
    { formTitle: definition.title, recordId: saved.id, reason: change.reason },
  );
}
