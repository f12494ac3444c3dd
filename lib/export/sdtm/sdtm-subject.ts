import type { ProjectedRow, ProjectionTableName } from "@/lib/forms/projections";
import type { ExportPatient, ExportRecord } from "../csv/csv-plan";
import { STUDY } from "../study";

/** A row of a typed table (issue 14) with the saved form it came from and that form's visit. */
export type TypedRow<T extends ProjectionTableName> = ProjectedRow<T> & {
  crf_record_id: string;
  visit_key: string | null;
};

/** A patient's rows of the typed tables a dataset reads, in the order their forms were created. */
export type TypedRows = { [T in ProjectionTableName]?: readonly TypedRow<T>[] };

/**
 * One patient with their forms (the record of capture) and their rows in the typed tables: the
 * input of every SDTM mapping function. A dataset reads one or the other (lib/export/sdtm/datasets).
 */
export interface SdtmSubject {
  patient: ExportPatient;
  records: readonly ExportRecord[];
  typed?: TypedRows;
}

/** The subject's rows of one typed table, oldest form first. */
export function typedRowsOf<T extends ProjectionTableName>(subject: SdtmSubject, table: T): readonly TypedRow<T>[] {
  return (subject.typed?.[table] ?? []) as readonly TypedRow<T>[];
}

export type SdtmValue = string | number | null;
export type SdtmRow = Record<string, SdtmValue>;

/** USUBJID: unique across studies (SDTMIG 3.4 section 4.1.2.3), so the study ID prefixes the subject ID. */
export const usubjid = (patient: ExportPatient) => `${STUDY.id}-${patient.subjectId}`;

/** The standard identifiers every row starts with. */
export const identifiers = (domain: string, patient: ExportPatient): SdtmRow => ({
  STUDYID: STUDY.id,
  DOMAIN: domain,
  USUBJID: usubjid(patient),
});

/** The records of one form type, oldest first. */
export function recordsOf(subject: SdtmSubject, formType: string): ExportRecord[] {
  return subject.records.filter((r) => r.formType === formType);
}

/** --SEQ: 1, 2, 3... within the subject and domain (SDTMIG 3.4 section 4.1.6). */
export function numberRows(domain: string, rows: SdtmRow[]): SdtmRow[] {
  return rows.map((row, index) => ({ ...row, [`${domain}SEQ`]: index + 1 }));
}

/** Visit name from the visit key (day1 -> DAY 1, week4 -> WEEK 4). */
export function visitName(visitKey: string | null): string | null {
  if (!visitKey) return null;
  return visitKey
    .replace(/^([a-z-]+?)(\d+)$/, "$1 $2")
    .replace(/-/g, " ")
    .toUpperCase();
}

/** Study day (SDTMIG 3.4 section 4.4.4): day 1 is the reference start date, there is no day 0. */
export function studyDay(date: string | null, reference: string | null): number | null {
  if (!date || !reference || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  const days = Math.round((Date.parse(date.slice(0, 10)) - Date.parse(reference)) / 86_400_000);
  return days >= 0 ? days + 1 : days;
}

export const obj = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
export const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
export const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;
