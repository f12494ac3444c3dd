import { beforeAll, expect, test } from "vitest";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import { exportOdm } from "./exports/odm-export";
import { runImport } from "./imports";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

/**
 * The trial's own ODM export, imported back into the database it came from, changes nothing:
 * a field the forms leave out (an optional reason nobody gave) must not come back as "" and
 * read as a correction of every dosing form.
 */
const { actors } = withDemoDatabase();

beforeAll(async () => {
  await seedDemoCohort("demo");
}, 300_000);

test("importing the demo trial's own ODM export is a no-op: every patient and form unchanged", async () => {
  const { stream } = await exportOdm(actors.pi, {});
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const report = await runImport(actors.admin, { format: "odm", body: bytes, dryRun: true });
  expect(report.errors).toEqual([]);
  expect(report.lines).toEqual([]);
  expect(report.patients).toMatchObject({ created: 0, updated: 0, refused: 0 });
  expect(report.forms.unchanged).toBeGreaterThan(500);
}, 300_000);
