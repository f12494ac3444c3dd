import { parse } from "csv-parse/sync";
import { buildFormLayout, type FormLayout } from "@/lib/export/form-layout";
import { listFormDefinitions } from "@/lib/forms/registry";
import { parseItemValue, writePath } from "./cell-value";
import { emptyPatient, ImportFileError, type ImportBundle, type ImportPatient } from "./import-bundle";
import { readCsvEntries } from "./read-zip";

type Row = Record<string, string>;

function parseCsv(name: string, text: string): Row[] {
  try {
    return parse(text, {
      columns: true,
      skip_empty_lines: true,
      relax_column_count: false,
      max_record_size: 1_048_576,
    }) as Row[];
  } catch (error) {
    throw new ImportFileError(
      `${name} is not a valid CSV file: ${error instanceof Error ? error.message.slice(0, 200) : "unreadable"}.`,
    );
  }
}

const blankToNull = (value: string | undefined) => (value === undefined || value === "" ? null : value);

/**
 * The trial's own CSV export (lib/data/exports/csv-export.ts) read back: patients.csv, one
 * file per form type (items by dotted path) and the long-format files of repeating groups,
 * joined on record_id. Computed columns are ignored: the server computes them again.
 */
export function readCsvImport(bytes: Uint8Array): ImportBundle {
  const files = readCsvEntries(bytes);
  const patientsCsv = files.get("patients.csv");
  if (patientsCsv === undefined)
    throw new ImportFileError("The zip has no patients.csv: is it a Trialdesk CSV export?");
  const patients = new Map<string, ImportPatient>();
  for (const row of parseCsv("patients.csv", patientsCsv)) {
    if (!row.subject_id) throw new ImportFileError("patients.csv has a row without subject_id.");
    patients.set(row.subject_id, {
      ...emptyPatient(row.subject_id),
      registered: true,
      siteCode: blankToNull(row.site_code),
      externalId: blankToNull(row.external_id),
      status: blankToNull(row.status),
      screeningDate: blankToNull(row.screening_date),
      enrollmentDate: blankToNull(row.enrollment_date),
      screenFailureReason: blankToNull(row.screen_failure_reason),
    });
  }
  for (const definition of listFormDefinitions()) {
    const text = files.get(`${definition.type}.csv`);
    if (text === undefined) continue;
    const layout = buildFormLayout(definition);
    const groupRows = readGroupFiles(files, layout);
    for (const row of parseCsv(`${definition.type}.csv`, text)) {
      const subjectId = row.subject_id ?? "";
      const patient = patients.get(subjectId) ?? emptyPatient(subjectId);
      patients.set(subjectId, patient);
      const data: Record<string, unknown> = {};
      for (const item of layout.items) writePath(data, item.path, parseItemValue(item, row[item.path]));
      for (const group of layout.groups) {
        const rows = groupRows.get(group.path)?.get(row.record_id ?? "") ?? [];
        writePath(data, group.path, rows);
      }
      patient.forms.push({
        formType: definition.type,
        visitKey: blankToNull(row.visit_key),
        data,
        source: `${definition.type}.csv, record ${row.record_id ?? "?"}`,
      });
    }
  }
  return { patients: [...patients.values()] };
}

/** Per group path, per record_id: the rows of that list in row_number order. */
function readGroupFiles(
  files: Map<string, string>,
  layout: FormLayout,
): Map<string, Map<string, Record<string, unknown>[]>> {
  const out = new Map<string, Map<string, Record<string, unknown>[]>>();
  for (const group of layout.groups) {
    const name = `${layout.formType}.${group.path}.csv`;
    const text = files.get(name);
    const byRecord = new Map<string, { n: number; row: Record<string, unknown> }[]>();
    for (const row of text === undefined ? [] : parseCsv(name, text)) {
      const entry: Record<string, unknown> = {};
      for (const item of group.items) writePath(entry, item.path, parseItemValue(item, row[item.path]));
      const list = byRecord.get(row.record_id ?? "") ?? [];
      list.push({ n: Number(row.row_number), row: entry });
      byRecord.set(row.record_id ?? "", list);
    }
    out.set(
      group.path,
      new Map([...byRecord].map(([id, list]) => [id, list.sort((a, b) => a.n - b.n).map((r) => r.row)])),
    );
  }
  return out;
}
