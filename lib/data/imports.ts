import "server-only";
import { readFile } from "node:fs/promises";
import { scopeOf, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { ForbiddenError } from "@/lib/errors";
import { getFormDefinition } from "@/lib/forms/registry";
import { readCsvImport } from "@/lib/import/csv-import";
import type { ImportPatient } from "@/lib/import/import-bundle";
import { orderForImport } from "@/lib/import/import-order";
import { bodyOf, spoolImportBody } from "@/lib/import/import-spool";
import { createOdmChecker, streamOdmSubjects } from "@/lib/import/odm-import";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";
import { importForm, tryStep, type KnownRecord } from "./import-form";
import {
  advanceSiteCounter,
  enrollInTransaction,
  findOrRegisterForImport,
  markScreenFailedInTransaction,
} from "./import-patient";

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
  /** The forms created, changed or refused, in the file's order: the first MAX_REPORT_LINES of them. */
  lines: ImportLine[];
  /** Such forms beyond MAX_REPORT_LINES, counted but not listed. */
  linesLeftOff: number;
}

/**
 * The preview lists this many forms at most (the page shows 500). Kept whole, the lines grew the
 * import's heap by ~8 KiB a patient, ~130 MiB at 10,000 patients (BENCHMARKS.md, session 8), and a
 * form left unchanged tells nobody anything: the counts say how many there were.
 */
export const MAX_REPORT_LINES = 2_000;

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
 *
 * The body is read as a stream (a request body, a file stream), never held whole: it is copied
 * to a temporary file while it is hashed and, for ODM, checked whole (pass 1), so a broken
 * file writes nothing and every audit row can name its SHA-256; then ODM is read back a subject
 * at a time and each patient is imported as soon as its SubjectData ends (pass 2). A CSV zip is
 * read whole from that file: its files are per form, so a patient is complete only at the end.
 */
export async function runImport(
  actor: Actor,
  input: {
    format: ImportFormat;
    body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Uint8Array;
    dryRun: boolean;
    /** Bytes refused beyond (413); the route's limit by default. */
    maxBytes?: number;
    /** Told after each patient (its number in the file): progress, and the bench's memory curve. */
    onPatient?: (done: number) => void;
    /** Patients imported at the same time (PATIENTS_AT_ONCE by default; 1 for one after the other). */
    patientsAtOnce?: number;
    /** Told when a patient's import met another's, was rolled back and is tried again alone (its subject ID). */
    onRetry?: (subjectId: string) => void;
    /** Forms listed in the report at most (MAX_REPORT_LINES by default). */
    reportLines?: number;
  },
): Promise<ImportReport> {
  const writer = importActor(actor);
  const checker = input.format === "odm" ? createOdmChecker() : null;
  const spooled = await spoolImportBody(input.body instanceof Uint8Array ? bodyOf(input.body) : input.body, {
    maxBytes: input.maxBytes ?? MAX_IMPORT_BYTES,
    onChunk: checker ? (chunk) => checker.write(chunk) : undefined,
  });
  try {
    checker?.end();
    const patients: AsyncIterable<ImportPatient> | Iterable<ImportPatient> = checker
      ? streamOdmSubjects(spooled.chunks(), checker.repeatedKeys())
      : readCsvImport(new Uint8Array(await readFile(spooled.path))).patients;
    return await importPatients(writer, patients, { ...input, sha256: spooled.sha256 });
  } finally {
    await spooled.remove();
  }
}

async function importPatients(
  writer: Actor,
  patients: AsyncIterable<ImportPatient> | Iterable<ImportPatient>,
  input: {
    format: ImportFormat;
    dryRun: boolean;
    sha256: string;
    onPatient?: (done: number) => void;
    patientsAtOnce?: number;
    onRetry?: (subjectId: string) => void;
    reportLines?: number;
  },
): Promise<ImportReport> {
  const sha256 = input.sha256;
  const report: ImportReport = {
    dryRun: input.dryRun,
    format: input.format,
    sha256,
    patients: counts(),
    forms: counts(),
    errors: [],
    lines: [],
    linesLeftOff: 0,
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
  let done = 0;
  const record = (outcome: PatientOutcome) => {
    report.patients[outcome.patientAction] += 1;
    for (const line of outcome.lines) {
      report.forms[line.action] += 1;
      if (line.action === "unchanged") continue;
      if (report.lines.length < (input.reportLines ?? MAX_REPORT_LINES)) report.lines.push(line);
      else report.linesLeftOff += 1;
    }
    report.errors.push(...outcome.errors);
    input.onPatient?.(++done);
  };
  const importAlone = (patient: ImportPatient) => importOnePatient(writer, patient, sites, sha256, input.dryRun);
  // A few patients at once, each in its own transaction; reported in the file's order.
  const inFlight: Promise<Attempt>[] = [];
  const attempt = (patient: ImportPatient): Promise<Attempt> =>
    importAlone(patient).then(
      (outcome) => ({ patient, outcome }),
      (error: unknown) => ({ patient, error }),
    );
  const next = async (): Promise<PatientOutcome> => {
    const first = await inFlight.shift()!;
    if ("outcome" in first) return first.outcome;
    // Its transaction was rolled back whole. Patients of the file imported at once can meet
    // (a deadlock on a site's counter with a registration, two subjects with one externalId):
    // once the others have ended, it is tried again alone, and an error then is a real one.
    await Promise.all(inFlight);
    input.onRetry?.(first.patient.subjectId);
    return importAlone(first.patient);
  };
  try {
    for await (const patient of patients) {
      inFlight.push(attempt(patient));
      if (inFlight.length >= (input.patientsAtOnce ?? PATIENTS_AT_ONCE)) record(await next());
    }
  } catch (error) {
    // Nothing keeps writing after the import has answered.
    await Promise.all(inFlight);
    throw error;
  }
  while (inFlight.length) record(await next());
  return report;
}

type Attempt = { patient: ImportPatient; outcome: PatientOutcome } | { patient: ImportPatient; error: unknown };

/**
 * Patients imported at the same time. A patient's import is ~80 short statements, each a round
 * trip to PostgreSQL: one patient at a time, the import's process was idle or sending for three
 * quarters of its time (bench:imports' profile). Three at once measured 4-80 % faster on the shared
 * 2-core machine, where the import's own CPU share then bounds it (BENCHMARKS.md, session 8).
 * Three use three of the pool's connections.
 */
const PATIENTS_AT_ONCE = 3;

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
        // The patient's forms, read once (a patient created just now has none); each save adds its record.
        const known: KnownRecord[] = found.created
          ? []
          : await tx.crfRecord.findMany({
              where: { patientId: found.patientId, deletedAt: null },
              select: { id: true, formType: true, visitKey: true, data: true },
              orderBy: { createdAt: "asc" },
            });
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
          const line = await importForm(
            tx,
            actor,
            found.patientId,
            file.subjectId,
            form,
            sha256,
            known,
            (field, message) => refuse(form.formType, field, message),
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
        // Last, so the site's row is locked only until the commit.
        if (found.keptNumber !== undefined) await advanceSiteCounter(tx, found.siteId, found.keptNumber);
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
