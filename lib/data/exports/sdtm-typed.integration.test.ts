import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, test } from "vitest";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import { toCsvCell } from "@/lib/export/csv-cell";
import { SDTM_DATASETS } from "@/lib/export/sdtm/datasets";
import { projectedRows } from "@/test/fixtures/projected-rows";
import { parseCsv } from "@/test/integration/parse-csv";
import { openExport } from "./export-scope";
import { readPatientRecordBatches } from "./patient-batches";
import { exportSdtm } from "./sdtm-export";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { actors } = withDemoDatabase();

beforeAll(async () => {
  await seedDemoCohort("demo");
}, 180_000);

/**
 * Issue 14: the AE and LB datasets read the typed tables. On the demo cohort (every form saved
 * through the write path), the exported rows must equal the same mapping fed with each form's
 * projection of its stored data, computed here from the record of capture: the typed rows the
 * export reads back (types, order, visits, withdrawn forms left out) are exactly what the forms say.
 */
describe("SDTM AE and LB from the typed tables", () => {
  test("equal the mapping of the forms' own projections, patient by patient, on the demo cohort", async () => {
    const files = unzipSync(new Uint8Array(await new Response((await exportSdtm(actors.pi, {})).stream).arrayBuffer()));
    const scope = await openExport(actors.pi, "sdtm", {});
    const siteByCode = new Map(scope.sites.map((s) => [s.code, s]));
    for (const domain of ["AE", "LB"]) {
      const dataset = SDTM_DATASETS.find((d) => d.domain === domain)!;
      expect(dataset.typedTables?.length).toBeGreaterThan(0);
      const expected: string[][] = [];
      for await (const batch of readPatientRecordBatches(scope, ["adverse-event", "labs", "cytokines"]))
        for (const { patient, records } of batch)
          for (const row of dataset.map(
            { patient, records, typed: projectedRows(records) },
            siteByCode.get(patient.siteCode)!,
          ))
            expected.push(dataset.columns.map((column) => toCsvCell(row[column])));
      const exported = parseCsv(strFromU8(files[`${domain.toLowerCase()}.csv`]!)).map((row) =>
        dataset.columns.map((column) => row[column]!),
      );
      expect(exported.length).toBeGreaterThan(domain === "AE" ? 20 : 100);
      expect(exported).toEqual(expected);
    }
  });
});
