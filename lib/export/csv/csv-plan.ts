import { toCsvCell } from "../csv-cell";
import { derivedGroupColumns, type DerivedGroupColumn } from "./canonical-columns";
import {
  flattenComputed,
  readGroupRows,
  readPath,
  type FormLayout,
  type GroupSpec,
  type ItemSpec,
} from "../form-layout";

/** A column of an exported CSV file, as the data dictionary describes it. */
export interface ColumnSpec {
  name: string;
  label: string;
  type: string;
  unit: string | null;
  allowedValues: readonly string[];
  derived: boolean;
  /** Several plain values in one "; "-joined cell (never a single code of allowedValues). */
  multiple: boolean;
}

/** A computed value's path and JSON type(s) as found in the stored records. */
export interface ComputedColumn {
  path: string;
  jsonType: string;
}

export type CsvFile =
  | { name: "patients.csv"; kind: "patients"; columns: ColumnSpec[] }
  | { name: string; kind: "form"; layout: FormLayout; computed: readonly ComputedColumn[]; columns: ColumnSpec[] }
  | {
      name: string;
      kind: "group";
      layout: FormLayout;
      group: GroupSpec;
      derived: readonly DerivedGroupColumn[];
      columns: ColumnSpec[];
    };

/** One patient as every exported row identifies it. */
export interface ExportPatient {
  id: string;
  subjectId: string;
  siteCode: string;
  siteName: string;
  status: string;
  screeningDate: string;
  enrollmentDate: string | null;
  screenFailureReason: string | null;
  lockedAt: string | null;
  /** The site's own reference (imports match on it); absent in older callers. */
  externalId?: string | null;
}

/** One stored form as the exports read it. */
export interface ExportRecord {
  id: string;
  formType: string;
  visitKey: string | null;
  data: unknown;
  computed: Record<string, unknown>;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  signedAt: string | null;
  sdvAt: string | null;
}

/**
 * A record the exports make rather than read (the registration form): complete, version 1, never
 * signed or verified, no timestamps of its own.
 */
export function completeExportRecord(
  fields: Pick<ExportRecord, "id" | "formType" | "visitKey" | "data"> & Partial<ExportRecord>,
): ExportRecord {
  return {
    computed: {},
    status: "COMPLETE",
    version: 1,
    createdAt: "",
    updatedAt: "",
    signedAt: null,
    sdvAt: null,
    ...fields,
  };
}

const column = (name: string, label: string, type = "text", extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  label,
  type,
  unit: null,
  allowedValues: [],
  derived: false,
  multiple: false,
  ...extra,
});

const PATIENT_COLUMNS: ColumnSpec[] = [
  column("subject_id", "Subject ID (site code and number)"),
  column("site_code", "Site code"),
  column("site_name", "Site name"),
  column("status", "Patient status", "text", {
    allowedValues: ["SCREENING", "SCREEN_FAILED", "ON_TREATMENT", "OFF_TREATMENT", "OFF_STUDY", "DEAD"],
  }),
  column("screening_date", "Screening date", "date"),
  column("enrollment_date", "Enrollment date (day 1 of treatment)", "date"),
  column("screen_failure_reason", "Reason for screen failure"),
  column("locked_at", "Data locked for analysis at (UTC)", "datetime"),
  column("external_id", "The site's own reference for the patient (unique per site)"),
];

const RECORD_COLUMNS: ColumnSpec[] = [
  column("subject_id", "Subject ID"),
  column("site_code", "Site code"),
  column("record_id", "Form record id (UUID)"),
  column("visit_key", "Visit (empty for event forms such as adverse events)"),
  column("form_status", "Form status", "text", { allowedValues: ["IN_PROGRESS", "COMPLETE"] }),
  column("version", "Form version (1 = first save)", "integer"),
  column("signed_at", "Signed by the investigator at (UTC)", "datetime"),
  column("sdv_at", "Source data verified at (UTC)", "datetime"),
  column("updated_at", "Last changed at (UTC)", "datetime"),
];

const GROUP_KEY_COLUMNS: ColumnSpec[] = [
  column("subject_id", "Subject ID"),
  column("site_code", "Site code"),
  column("record_id", "Form record id (UUID); joins the form's own file"),
  column("visit_key", "Visit"),
  column("row_number", "Row within the list (1 = first)", "integer"),
];

const itemColumn = (item: ItemSpec, name = item.path): ColumnSpec =>
  column(name, item.multiple ? `${item.label} (several values separated by "; ")` : item.label, item.type, {
    unit: item.unit,
    allowedValues: item.allowedValues,
    multiple: item.multiple,
  });

const JSON_TYPE: Record<string, string> = {
  number: "float",
  string: "text",
  boolean: "boolean",
  array: 'list (JSON or "; "-joined)',
};

/**
 * The files of the CSV export: patients.csv, one file per form type (its items and its
 * computed values) and one long-format file per repeating group (lesions, analytes), which
 * joins its form's file on record_id.
 */
export function planCsvFiles(
  layouts: readonly FormLayout[],
  computed: ReadonlyMap<string, readonly ComputedColumn[]>,
): CsvFile[] {
  const files: CsvFile[] = [{ name: "patients.csv", kind: "patients", columns: PATIENT_COLUMNS }];
  for (const layout of layouts) {
    const derived = computed.get(layout.formType) ?? [];
    files.push({
      name: `${layout.formType}.csv`,
      kind: "form",
      layout,
      computed: derived,
      columns: [
        ...RECORD_COLUMNS,
        ...layout.items.map((item) => itemColumn(item)),
        ...derived.map((c) =>
          column(`computed.${c.path}`, `Computed by the rules engine: ${c.path}`, JSON_TYPE[c.jsonType] ?? "text", {
            derived: true,
            unit: null,
          }),
        ),
      ],
    });
    for (const group of layout.groups) {
      const derivedColumns = derivedGroupColumns(layout.formType, group.path);
      files.push({
        name: `${layout.formType}.${group.path}.csv`,
        kind: "group",
        layout,
        group,
        derived: derivedColumns,
        columns: [
          ...GROUP_KEY_COLUMNS,
          ...group.items.map((item) => itemColumn(item)),
          ...derivedColumns.map((c) => column(c.name, c.label, "float", { unit: c.unit, derived: true })),
        ],
      });
    }
  }
  return files;
}

export function patientRow(patient: ExportPatient): string[] {
  return [
    patient.subjectId,
    patient.siteCode,
    patient.siteName,
    patient.status,
    patient.screeningDate,
    patient.enrollmentDate,
    patient.screenFailureReason,
    patient.lockedAt,
    patient.externalId ?? null,
  ].map(toCsvCell);
}

/** One form record's row: identification, then its items, then its computed values. */
export function formRow(
  file: Extract<CsvFile, { kind: "form" }>,
  patient: ExportPatient,
  record: ExportRecord,
): string[] {
  const flat = flattenComputed(record.computed);
  return [
    patient.subjectId,
    patient.siteCode,
    record.id,
    record.visitKey,
    record.status,
    record.version,
    record.signedAt,
    record.sdvAt,
    record.updatedAt,
    ...file.layout.items.map((item) => readPath(record.data, item.path)),
    ...file.computed.map((c) => flat[c.path]),
  ].map(toCsvCell);
}

/** The long-format rows of one repeating group of one record: the items as typed, then the derived values. */
export function groupRows(
  file: Extract<CsvFile, { kind: "group" }>,
  patient: ExportPatient,
  record: ExportRecord,
): string[][] {
  return readGroupRows(record.data, file.group).map((row, index) =>
    [
      patient.subjectId,
      patient.siteCode,
      record.id,
      record.visitKey,
      index + 1,
      ...file.group.items.map((item) => readPath(row, item.path)),
      ...file.derived.map((c) => c.read(row)),
    ].map(toCsvCell),
  );
}

export const DICTIONARY_COLUMNS = ["file", "column", "label", "type", "unit", "allowed_values", "derived"];

/** dictionary.csv: every column of every file, generated from the same plan the files are written from. */
export function dictionaryRows(files: readonly CsvFile[]): string[][] {
  return files.flatMap((file) =>
    file.columns.map((c) =>
      [file.name, c.name, c.label, c.type, c.unit, c.allowedValues.join("; "), c.derived ? "yes" : "no"].map(toCsvCell),
    ),
  );
}
