import "server-only";
import {
  deriveEfficacyFacts,
  EFFICACY_INPUT_FORM_TYPES,
  type EfficacyFacts,
  type IdentifiedRecord,
} from "@/lib/analysis/efficacy-facts";
import { VISIT_DATE_FIELDS } from "@/lib/analysis/patient-records";
import type { FormDefinition } from "@/lib/forms/form-definition";
import { listFormDefinitions } from "@/lib/forms/registry";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExtraCte } from "./projections";

/**
 * Keeps patient_efficacy_facts (lib/analysis/efficacy-facts.ts) up to date for the patient a
 * write changes, inside the write's transaction. A save rides on the statement that already
 * replaces the form's typed rows (an extra CTE, no round trip of its own); a withdrawal,
 * an enrollment or a recomputation of tumour responses refreshes the row from the patient's
 * forms (one read, one write).
 */

/** The forms with a visit, sample or assessment date: each moves the patient's last visit date. */
export const VISIT_DATED_FORM_TYPES: readonly string[] = listFormDefinitions()
  .filter((definition) => VISIT_DATE_FIELDS.some((field) => field in definition.labels))
  .map((definition) => definition.type);

/** The forms whose computed values the facts read (the tumour response and % change). */
const COMPUTED_INPUT_FORM_TYPES: readonly string[] = ["tumour-assessment"];

const isInput = (formType: string) => (EFFICACY_INPUT_FORM_TYPES as readonly string[]).includes(formType);

/** Whether a change to a form of this type can change the patient's efficacy facts. */
export function feedsEfficacyFacts(formType: string): boolean {
  return isInput(formType) || VISIT_DATED_FORM_TYPES.includes(formType);
}

/**
 * The patient's latest ISO visit date in SQL, of their current forms: the same fields and the
 * same ISO-date test as the analyses' lastSeenDate (lib/analysis/patient-records.ts). Run in
 * the statement that writes the facts, it sees the form the transaction just wrote.
 */
const lastVisitDateOf = (patientId: string) => {
  const isoDate = (field: string) =>
    `CASE WHEN jsonb_typeof(r."data" -> '${field}') = 'string' AND r."data" ->> '${field}' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN r."data" ->> '${field}' END`;
  return `(SELECT max(greatest(${VISIT_DATE_FIELDS.map((f, i) => `${isoDate(f)}${i === 0 ? ` COLLATE "C"` : ""}`).join(", ")}))::date
    FROM "crf_records" r WHERE r."patient_id" = ${patientId} AND r."deleted_at" IS NULL)`;
};

/** The stored columns (besides the last visit date) and their types, as jsonb_to_recordset reads them. */
const COLUMNS: Record<string, string> = {
  patient_id: "uuid",
  assessment_visit_keys: "text[]",
  assessment_dates: "date[]",
  assessment_responses: "text[]",
  assessment_pct_from_baseline: "float8[]",
  best_overall_response: "text",
  bor_confirmed: "boolean",
  progression_date: "date",
  progression_source: "text",
  progression_record_id: "uuid",
  end_of_study_record_id: "uuid",
  progression_date_entered: "date",
  death_date: "date",
  last_known_alive_date: "date",
  off_treatment_date: "date",
  off_study_date: "date",
  cytokines_record_id: "uuid",
  cytokine_analytes: "text[]",
  cytokine_values: "float8[]",
  cytokine_units: "text[]",
  cytokine_lloqs: "float8[]",
  cytokine_below_lloq: "boolean[]",
};

function toRow(patientId: string, facts: EfficacyFacts): Record<string, unknown> {
  return {
    patient_id: patientId,
    assessment_visit_keys: facts.assessments.map((a) => a.visitKey),
    assessment_dates: facts.assessments.map((a) => a.date),
    assessment_responses: facts.assessments.map((a) => a.response),
    assessment_pct_from_baseline: facts.assessments.map((a) => a.pctFromBaseline),
    best_overall_response: facts.bestOverallResponse,
    bor_confirmed: facts.borConfirmed,
    progression_date: facts.progressionDate,
    progression_source: facts.progressionSource,
    progression_record_id: facts.progressionRecordId,
    end_of_study_record_id: facts.endOfStudyRecordId,
    progression_date_entered: facts.endOfStudy.progressionDate,
    death_date: facts.endOfStudy.deathDate,
    last_known_alive_date: facts.endOfStudy.lastKnownAliveDate,
    off_treatment_date: facts.endOfStudy.offTreatmentDate,
    off_study_date: facts.endOfStudy.offStudyDate,
    cytokines_record_id: facts.cytokinesRecordId,
    cytokine_analytes: facts.cytokines.map((c) => c.analyte),
    cytokine_values: facts.cytokines.map((c) => c.value),
    cytokine_units: facts.cytokines.map((c) => c.unit),
    cytokine_lloqs: facts.cytokines.map((c) => c.lloq),
    cytokine_below_lloq: facts.cytokines.map((c) => c.belowLloq),
  };
}

/** Upserts the given patients' facts (and their last visit dates) as one data-modifying CTE. */
function upsertCte(rows: Record<string, unknown>[]): ExtraCte {
  const names = Object.keys(COLUMNS).map((c) => `"${c}"`);
  const types = Object.entries(COLUMNS)
    .map(([c, t]) => `"${c}" ${t}`)
    .join(", ");
  return {
    name: "efficacy_facts",
    sql: (param) => `INSERT INTO "patient_efficacy_facts" (${names.join(", ")}, "last_visit_date", "updated_at")
      SELECT ${names.map((n) => `f.${n}`).join(", ")}, ${lastVisitDateOf(`f."patient_id"`)}, now()
      FROM jsonb_to_recordset(${param(JSON.stringify(rows))}::jsonb) AS f(${types})
      ON CONFLICT ("patient_id") DO UPDATE SET ${[...names.slice(1), `"last_visit_date"`, `"updated_at"`].map((n) => `${n} = EXCLUDED.${n}`).join(", ")}`,
  };
}

/** Only the last visit date, for a form that feeds nothing else (a lab panel, a dosing visit). */
function lastVisitCte(patientId: string): ExtraCte {
  return {
    name: "efficacy_facts_last_visit",
    sql: (param) => {
      const id = `${param(patientId)}::uuid`;
      return `UPDATE "patient_efficacy_facts" SET "last_visit_date" = ${lastVisitDateOf(id)}, "updated_at" = now() WHERE "patient_id" = ${id}`;
    },
  };
}

/** A record as the save read it under the patient lock (or just wrote it). */
interface SavedRecord {
  id: string;
  formType: string;
  visitKey: string | null;
  data: unknown;
  computed: unknown;
  createdAt: Date;
}

const toIdentified = (r: {
  id: string;
  formType: string;
  visitKey: string | null;
  data: unknown;
  computed: unknown;
}): IdentifiedRecord => ({
  id: r.id,
  formType: r.formType,
  visitKey: r.visitKey,
  data: r.data,
  computed: (r.computed ?? {}) as Record<string, unknown>,
});

const savedOrder = (a: SavedRecord, b: SavedRecord) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface FactsAfterSave {
  /** CTEs for the statement that writes the form's typed rows. */
  ctes: ExtraCte[];
  /** Whether the recomputation that followed (these record ids changed) needs a refresh of the facts. */
  refreshAfter: (recomputedIds: readonly string[]) => boolean;
}

/**
 * What a save writes to the facts, from the records read under the patient lock plus the saved
 * one. A form that reads every other form of the patient (no contextFormTypes) has them all at
 * hand: the facts are derived in full. A form with a narrower context only moves the last
 * visit date (a lab panel), or feeds nothing (an adverse event: no statement, no CTE).
 */
export function efficacyFactsForSave(
  definition: Pick<FormDefinition, "type" | "contextFormTypes">,
  patient: { id: string; enrollmentDate: string | null },
  records: readonly SavedRecord[],
): FactsAfterSave {
  const none: FactsAfterSave = { ctes: [], refreshAfter: () => false };
  if (!patient.enrollmentDate || !feedsEfficacyFacts(definition.type)) return none;
  const known = new Map(records.map((r) => [r.id, r.formType]));
  // A recomputed tumour response (or a record the save did not read) changes what was derived here.
  const refreshAfter = (ids: readonly string[]) =>
    ids.some((id) => !known.has(id) || COMPUTED_INPUT_FORM_TYPES.includes(known.get(id)!));
  if (definition.contextFormTypes === undefined) {
    const facts = deriveEfficacyFacts({
      patientId: patient.id,
      subjectId: "",
      siteCode: "",
      status: "",
      enrollmentDate: patient.enrollmentDate,
      records: records
        .filter((r) => isInput(r.formType))
        .sort(savedOrder)
        .map(toIdentified),
    });
    return { ctes: [upsertCte([toRow(patient.id, facts)])], refreshAfter };
  }
  if (isInput(definition.type)) return { ctes: [], refreshAfter: () => true };
  return { ctes: [lastVisitCte(patient.id)], refreshAfter };
}

const INPUT_RECORD = { id: true, patientId: true, formType: true, visitKey: true, data: true, computed: true } as const;

/** Derives the facts of the given enrolled patients from their current forms and writes them in one statement. */
async function writeFactsOf(
  tx: Prisma.TransactionClient,
  patients: readonly { id: string; enrollmentDate: string }[],
): Promise<void> {
  if (patients.length === 0) return;
  const records = await tx.crfRecord.findMany({
    where: {
      patientId: { in: patients.map((p) => p.id) },
      deletedAt: null,
      formType: { in: [...EFFICACY_INPUT_FORM_TYPES] },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: INPUT_RECORD,
  });
  const byPatient = new Map<string, IdentifiedRecord[]>();
  for (const r of records) byPatient.set(r.patientId, [...(byPatient.get(r.patientId) ?? []), toIdentified(r)]);
  const rows = patients.map((p) =>
    toRow(
      p.id,
      deriveEfficacyFacts({
        patientId: p.id,
        subjectId: "",
        siteCode: "",
        status: "",
        enrollmentDate: p.enrollmentDate,
        records: byPatient.get(p.id) ?? [],
      }),
    ),
  );
  const params: unknown[] = [];
  const cte = upsertCte(rows);
  const sql = cte.sql((value) => {
    params.push(value);
    return `$${params.length}`;
  });
  await tx.$executeRawUnsafe(sql, ...params);
}

/** Derives one patient's facts again from their forms (after a withdrawal, an enrollment, a recomputation). */
export async function refreshEfficacyFacts(
  tx: Prisma.TransactionClient,
  patient: { id: string; enrollmentDate: string | null },
): Promise<void> {
  if (!patient.enrollmentDate) return;
  await writeFactsOf(tx, [{ id: patient.id, enrollmentDate: patient.enrollmentDate }]);
}

const REBUILD_BATCH = 500;

/**
 * Derives every enrolled patient's facts again from crf_records, in the caller's transaction:
 * the table is emptied (TRUNCATE also holds off the saves' writes until the caller commits)
 * and refilled in batches of patients. Returns the number of patients.
 */
export async function rebuildEfficacyFacts(tx: Prisma.TransactionClient): Promise<number> {
  await tx.$executeRawUnsafe(`TRUNCATE "patient_efficacy_facts"`);
  let count = 0;
  let after: string | null = null;
  for (;;) {
    const batch: { id: string; enrollmentDate: Date | null }[] = await tx.patient.findMany({
      where: { enrollmentDate: { not: null }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: REBUILD_BATCH,
      select: { id: true, enrollmentDate: true },
    });
    if (batch.length === 0) return count;
    await writeFactsOf(
      tx,
      batch.map((p) => ({ id: p.id, enrollmentDate: p.enrollmentDate!.toISOString().slice(0, 10) })),
    );
    count += batch.length;
    after = batch[batch.length - 1]!.id;
  }
}
