import "server-only";
import { stringify } from "csv-stringify/sync";
import type { Actor } from "@/lib/auth/actor";
import { createZipStream, type ZipEntry } from "@/lib/export/byte-streams";
import { toCsvCell } from "@/lib/export/csv-cell";
import { SDTM_DATASETS, type SdtmDataset } from "@/lib/export/sdtm/datasets";
import type { StreamedExport } from "./csv-export";
import { recordExportAudit } from "./export-audit";
import { openExport, type ExportScope } from "./export-scope";
import { readPatientRecordBatches } from "./patient-batches";

const toCsv = (rows: string[][]) => stringify(rows, { record_delimiter: "windows" });

async function* datasetChunks(
  scope: ExportScope,
  dataset: SdtmDataset,
  counts: Record<string, number>,
): AsyncGenerator<string> {
  const name = `${dataset.domain.toLowerCase()}.csv`;
  let count = 0;
  counts[name] = 0;
  yield toCsv([[...dataset.columns]]);
  const siteById = new Map(scope.sites.map((s) => [s.code, s]));
  for await (const batch of readPatientRecordBatches(scope, dataset.formTypes, dataset.typedTables)) {
    const rows = batch.flatMap((subject) => dataset.map(subject, siteById.get(subject.patient.siteCode)!));
    counts[name] = count += rows.length;
    if (rows.length) yield toCsv(rows.map((row) => dataset.columns.map((column) => toCsvCell(row[column]))));
  }
}

/** SDTM-style datasets DM, EX, AE, LB, TU, TR, RS, DS as CSV in a zip, streamed (lib/export/sdtm). */
export async function exportSdtm(actor: Actor, filters: unknown): Promise<StreamedExport> {
  const scope = await openExport(actor, "sdtm", filters);
  async function* entries(): AsyncGenerator<ZipEntry> {
    const counts: Record<string, number> = {};
    let completed = false;
    try {
      for (const dataset of SDTM_DATASETS)
        yield { name: `${dataset.domain.toLowerCase()}.csv`, chunks: datasetChunks(scope, dataset, counts) };
      completed = true;
    } finally {
      await recordExportAudit(scope, { rowCounts: counts, completed });
    }
  }
  return {
    scope,
    entryCount: SDTM_DATASETS.length,
    fileName: scope.fileName("zip"),
    contentType: "application/zip",
    stream: createZipStream(entries()),
  };
}
