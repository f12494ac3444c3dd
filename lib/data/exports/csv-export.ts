import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Actor } from "@/lib/auth/actor";
import { createZipStream, type ZipEntry } from "@/lib/export/byte-streams";
import {
  DICTIONARY_COLUMNS,
  dictionaryRows,
  formRow,
  groupRows,
  patientRow,
  planCsvFiles,
  type CsvFile,
} from "@/lib/export/csv/csv-plan";
import { statisticsScripts } from "@/lib/export/csv/statistics-scripts";
import { buildFormLayout } from "@/lib/export/form-layout";
import { listFormDefinitions } from "@/lib/forms/registry";
import { recordExportAudit } from "./export-audit";
import { discoverComputedColumns } from "./export-queries";
import { openExport, type ExportScope } from "./export-scope";
import { readPatientBatches, readPatientRecordBatches } from "./patient-batches";

/** RFC 4180: comma separated, CRLF line ends, quotes doubled; csv-stringify quotes where needed. */
const toCsv = (rows: readonly (readonly string[])[]) => stringify(rows as string[][], { record_delimiter: "windows" });

export interface StreamedExport {
  scope: ExportScope;
  /** Files in the zip (for the progress shown while downloading), or null for a single document. */
  entryCount: number | null;
  fileName: string;
  contentType: string;
  stream: ReadableStream<Uint8Array>;
}

async function* fileChunks(scope: ExportScope, file: CsvFile, counts: Record<string, number>): AsyncGenerator<string> {
  yield toCsv([file.columns.map((c) => c.name)]);
  let count = 0;
  counts[file.name] = 0;
  if (file.kind === "patients") {
    for await (const patients of readPatientBatches(scope)) {
      counts[file.name] = count += patients.length;
      yield toCsv(patients.map(patientRow));
    }
    return;
  }
  for await (const batch of readPatientRecordBatches(scope, [file.layout.formType])) {
    const rows = batch.flatMap(({ patient, records }) =>
      records.flatMap((record) =>
        file.kind === "form" ? [formRow(file, patient, record)] : groupRows(file, patient, record),
      ),
    );
    counts[file.name] = count += rows.length;
    if (rows.length) yield toCsv(rows);
  }
}

/**
 * The CSV export: a zip with patients.csv, one file per form type, one long-format file per
 * repeating group, dictionary.csv and the R, SAS and Stata scripts that read them (typed,
 * labelled), written while it streams (docs/exports.md).
 */
export async function exportCsv(actor: Actor, filters: unknown): Promise<StreamedExport> {
  const scope = await openExport(actor, "csv", filters);
  const layouts = listFormDefinitions().map(buildFormLayout);
  const files = planCsvFiles(layouts, await discoverComputedColumns(scope));
  const scripts = statisticsScripts(files, scope.fileName("zip"));
  async function* entries(): AsyncGenerator<ZipEntry> {
    const counts: Record<string, number> = {};
    let completed = false;
    try {
      for (const file of files) yield { name: file.name, chunks: fileChunks(scope, file, counts) };
      const dictionary = dictionaryRows(files);
      counts["dictionary.csv"] = dictionary.length;
      yield {
        name: "dictionary.csv",
        chunks: (async function* () {
          yield toCsv([DICTIONARY_COLUMNS, ...dictionary]);
        })(),
      };
      for (const script of scripts)
        yield {
          name: script.name,
          chunks: (async function* () {
            yield script.text;
          })(),
        };
      completed = true;
    } finally {
      await recordExportAudit(scope, { rowCounts: counts, completed });
    }
  }
  return {
    scope,
    entryCount: files.length + 1 + scripts.length,
    fileName: scope.fileName("zip"),
    contentType: "application/zip",
    stream: createZipStream(entries()),
  };
}
