import "server-only";
import { createHash } from "node:crypto";
import { scopeOf, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { ForbiddenError, isExpectedError, ValidationError } from "@/lib/errors";
import { diffFormData } from "@/lib/forms/flatten";
import { fillOmittedNullables } from "@/lib/forms/fill-omitted-nullables";
import { getFormDefinition } from "@/lib/forms/registry";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readCsvImport } from "@/lib/import/csv-import";
import type { ImportForm, ImportPatient } from "@/lib/import/import-bundle";
import { orderForImport } from "@/lib/import/import-order";
import { streamOdmSubjects } from "@/lib/import/odm-import";
import { parseFormData } from "./crf-save-context";
import { saveCrfRecordInTransaction } from "./crf-records";
import { enrollInTransaction, findOrRegisterForImport, markScreenFailedInTransaction } from "./import-patient";
import { recordDateOf } from "@/lib/forms/form-dependencies";
import { UNSCHEDULED_VISIT } from "@/lib/forms/form-identity";

export type ImportFormat = "csv" | "odm";
export type ImportAction = "created" | "updated" | "unchanged" | "refused";

export interface ImportError {
  subjectId: string;
  formType: string | null;
  field: string | null;
  message: string;
}

/** One line of the preview: what happens (or would happen) to one patient's form, and to which fields. */
export interface ImportLine {
  subjectId: string;
  formType: string | null;
  visitKey: string | null;
  action: ImportAction;
  fields: string[];
  source: string | null;
}

export interface ImportReport {
  dryRun: boolean;
  format: ImportFormat;
  sha256: string;
  patients: Record<ImportAction, number>;
  forms: Record<ImportAction, number>;
  errors: ImportError[];
  lines: ImportLine[];
}

const counts = (): Record<ImportAction, number> => ({ created: 0, updated: 0, unchanged: 0, refused: 0 });

/** Thrown inside a patient's transaction to undo it: a dry run, or a patient with errors. */
class RollBack extends Error {}

/**
 * The actor the saves run as: the importing user, holding patient.read and patient.write
 * exactly where import.run is held (an administrator imports for all sites without being
 * able to read a patient anywhere else). Audit rows name the user.
 */
function importActor(actor: Actor): Actor {
  const scope = scopeOf(actor, "import.run");
  if (scope.kind === "none") throw new ForbiddenError("You cannot import data.");
  const assignments =
    scope.kind === "all"
      ? [{ role: "DATA_MANAGER", siteId: null }]
      : scope.siteIds.map((siteId) => ({ role: "DATA_MANAGER", siteId }));
  return { ...actor, assignments };
}

/**
 * Imports a CSV export zip or a CDISC ODM 1.3.2 file through the one write path
 * (saveCrfRecord's validation, computed values and cross-form checks). Each patient is one
 * transaction: all of its forms or none. A dry run does exactly the same and rolls every
 * patient back, so the preview cannot differ from the real run. Running the same file again
 * changes nothing: forms are matched on their visit (and, for repeating forms, on their data).
 */
export async function runImport(
  actor: Actor,
  input: { format: ImportFormat; bytes: Uint8Array; dryRun: boolean },
): Promise<ImportReport> {
  const writer = importActor(actor);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  // ODM is checked whole, then imported a subject at a time as it is parsed (flat memory);
  // a CSV zip is read whole (its files are per form, so a patient is complete only at the end).
  const patients: Iterable<ImportPatient> =
    input.format === "csv" ? readCsvImport(input.bytes).patients : streamOdmSubjects(input.bytes);
  const report: ImportReport = {
    dryRun: input.dryRun,
    format: input.format,
    sha256,
    patients: counts(),
    forms: counts(),
    errors: [],
    lines: [],
  };
  // The sites the import may write to, by code: another site's subjects are refused, not created elsewhere.
  const scope = scopeOf(writer, "patient.write");
  const sites = new Map(
    (
      await getPrisma().site.findMany({
        where: scope.kind === "sites" ? { id: { in: scope.siteIds } } : {},
        select: { id: true, code: true },
      })
    ).map((site) => [site.code, site.id]),
  );
  for (const patient of patients) {
    const outcome = await importOnePatient(writer, patient, sites, sha256, input.dryRun);
    report.patients[outcome.patientAction] += 1;
    for (const line of outcome.lines) report.forms[line.action] += 1;
    report.lines.push(...outcome.lines);
    report.errors.push(...outcome.errors);
  }
  return report;
}

interface PatientOutcome {
  patientAction: ImportAction;
  lines: ImportLine[];
  errors: ImportError[];
}

async function importOnePatient(
  actor: Actor,
  file: ImportPatient,
  sites: Map<string, string>,
  sha256: string,
  dryRun: boolean,
): Promise<PatientOutcome> {
  const outcome: PatientOutcome = { patientAction: "unchanged", lines: [], errors: [] };
  const refuse = (formType: string | null, field: string | null, message: string) =>
    outcome.errors.push({ subjectId: file.subjectId, formType, field, message });
  try {
    await getPrisma().$transaction(
      async (tx) => {
        const found = await findOrRegisterForImport(tx, actor, file, sites, sha256);
        if (!found.ok) {
          refuse(null, found.field, found.message);
          throw new RollBack();
        }
        if (found.created) outcome.patientAction = "created";
        const forms = orderForImport(file.forms, getFormDefinition);
        let enrolled = false;
        for (const form of forms) {
          const definition = getFormDefinition(form.formType)!;
          // Enrollment comes after the screening forms and before the first form that needs it.
          if (!enrolled && definition.placement !== "screening") {
            enrolled = true;
            await tryStep(
              () => enrollInTransaction(tx, actor, found.patientId, file.enrollmentDate),
              (field, message) => refuse(null, field, message),
            );
          }
          const line = await importForm(tx, actor, found.patientId, file.subjectId, form, sha256, (field, message) =>
            refuse(form.formType, field, message),
          );
          outcome.lines.push(line);
        }
        if (!enrolled)
          await tryStep(
            () => enrollInTransaction(tx, actor, found.patientId, file.enrollmentDate),
            (field, message) => refuse(null, field, message),
          );
        await tryStep(
          () => markScreenFailedInTransaction(tx, actor, found.patientId, file),
          (field, message) => refuse(null, field, message),
        );
        if (outcome.errors.length) throw new RollBack();
        const changed = outcome.lines.filter((l) => l.action !== "unchanged");
        if (outcome.patientAction === "unchanged" && changed.length) outcome.patientAction = "updated";
        if (outcome.patientAction !== "unchanged") {
          await writeAudit(tx, actor, {
            action: "IMPORT",
            entityType: "import",
            entityId: found.patientId,
            siteId: found.siteId,
            patientId: found.patientId,
            changes: [
              { field: "file.sha256", from: null, to: sha256 },
              {
                field: "forms",
                from: null,
                to: changed.map((l) => `${l.action} ${l.formType}${l.visitKey ? `@${l.visitKey}` : ""}`),
              },
            ],
            reason: `Import of a file with SHA-256 ${sha256}`,
          });
        }
        if (dryRun) throw new RollBack();
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  if (outcome.errors.length) {
    outcome.patientAction = "refused";
    // All or nothing: nothing of this patient was written, whatever each form's own fate was.
    outcome.lines = outcome.lines.map((line) => (line.action === "unchanged" ? line : { ...line, action: "refused" }));
  }
  return outcome;
}

/** Runs one step; an expected refusal (validation, conflict, not found) is reported, anything else is a bug and propagates. */
async function tryStep(
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

async function importForm(
  tx: Prisma.TransactionClient,
  actor: Actor,
  patientId: string,
  subjectId: string,
  form: ImportForm,
  sha256: string,
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
  const existing = await tx.crfRecord.findMany({
    where: { patientId, formType: form.formType, visitKey, deletedAt: null },
    select: { id: true, data: true, version: true },
    orderBy: { createdAt: "asc" },
  });
  const same = existing.find((record) => diffFormData(record.data, parsed).length === 0);
  if (same) return { ...line, action: "unchanged" };
  // A form kept once per visit is corrected in place; a repeating one (adverse events) is a new
  // record; an unscheduled visit is the one of the same date (several may share the key).
  const target = definition.repeating
    ? undefined
    : visitKey === UNSCHEDULED_VISIT
      ? existing.find((record) => recordDateOf(form.formType, record.data) === recordDateOf(form.formType, parsed))
      : existing[0];
  const request = {
    patientId,
    formType: form.formType,
    visitKey,
    recordId: target?.id ?? null,
    expectedVersion: target?.version ?? null,
    reason: target ? `Import of a file with SHA-256 ${sha256.slice(0, 16)}…` : null,
    data: raw,
  };
  const saved = await tryStep(() => saveCrfRecordInTransaction(tx, actor, request, "IMPORT"), refuse);
  if (!saved) return line;
  return {
    ...line,
    action: target ? "updated" : "created",
    fields: diffFormData(target?.data ?? null, parsed).map((c) => c.field),
  };
}
