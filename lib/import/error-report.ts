import { toCsvCell } from "@/lib/export/csv-cell";

interface ReportError {
  subjectId: string;
  formType: string | null;
  field: string | null;
  message: string;
}

/** The downloadable error report of an import: one CSV row per refusal, formula-guarded like every export. */
export function buildErrorReportCsv(errors: readonly ReportError[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const rows = [
    ["subject_id", "form_type", "field", "message"],
    ...errors.map((e) => [e.subjectId, e.formType, e.field, e.message].map(toCsvCell)),
  ];
  return rows.map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
}
