import { afterAll, beforeAll, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import { type DemoActorName, openDemoDatabase } from "@/test/integration/demo-actors";
import { type TestDatabase } from "@/test/integration/test-database";
import { exportOdm } from "./exports/odm-export";
import { runImport } from "./imports";

/**
 * The trial's own ODM export, imported back into the database it came from, changes nothing:
 * a field the forms leave out (an optional reason nobody gave) must not come back as "" and
 * read as a correction of every dosing form.
 */
let db: TestDatabase;
let actors: Record<DemoActorName, Actor>;

beforeAll(async () => {
  ({ db, actors } = await openDemoDatabase());
  await seedDemoCohort("demo");
}, 300_000);
afterAll(() => db.drop());

test("importing the demo trial's own ODM export is a no-op: every patient and form unchanged", async () => {
  const { stream } = await exportOdm(actors.pi, {});
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const report = await runImport(actors.admin, { format: "odm", body: bytes, dryRun: true });
  expect(report.errors).toEqual([]);
  expect(report.lines.filter((line) => line.action !== "unchanged")).toEqual([]);
  expect(report.patients).toMatchObject({ created: 0, updated: 0, refused: 0 });
  expect(report.forms.unchanged).toBeGreaterThan(500);
}, 300_000);
