import { afterAll, beforeAll, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { StoppingRulesSchema } from "@/lib/schemas/stopping-rules";
import { seedDemoActors, type DemoActorName } from "@/test/integration/demo-actors";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { adverseEvent, createPatient, recordAdverseEvent } from "@/test/integration/toxicity-fixtures";
import { customDesign, stoppingRulesForm } from "@/test/fixtures/stopping-rules-data";
import { exportOdm } from "./exports/odm-export";
import { runImport } from "./imports";
import { runScheduledAlerts } from "./scheduled-alerts";
import { getStoppingRules, updateStoppingRules } from "./stopping-rules-settings";

/**
 * An import, like a save, never scans the trial for the stopping rules (run per form it made an
 * import quadratic in the trial's size): the scheduled alerts do, so a file whose patients cross
 * a boundary queues the PI's email once, at the next scheduled run after the import; a dry run
 * and a second import add none.
 */
let source: TestDatabase;
let target: TestDatabase;
let targetActors: Record<DemoActorName, Actor>;
let file: Uint8Array;

const switchToDatabase = (db: TestDatabase) =>
  ((globalThis as unknown as { trialdeskPrisma?: PrismaClient }).trialdeskPrisma = db.prisma);
const boundaryMail = () => target.prisma.mailOutbox.findMany({ where: { kind: "STOPPING_BOUNDARY" } });

beforeAll(async () => {
  source = await createTestDatabase();
  const { actors, sites } = await seedDemoActors(source.prisma);
  const dlt = adverseEvent({
    term: "Neutrophil count decreased",
    grade: 3,
    attribution: { thalidomide: "possible", uft: "probable" },
  });
  for (const [investigator, site] of [
    [actors.investigator1, sites.TW01],
    [actors.investigator2, sites.TW02],
  ] as const) {
    const patient = await createPatient(investigator, site);
    await recordAdverseEvent(investigator, patient.id, dlt);
  }
  file = new Uint8Array(await new Response((await exportOdm(actors.pi, {})).stream).arrayBuffer());

  target = await createTestDatabase();
  ({ actors: targetActors } = await seedDemoActors(target.prisma));
  // Bayesian DLT boundary: 2 DLTs in 2 patients give P(rate > 0.3 | Beta(3, 1)) = 0.973 > 0.9.
  const current = await getStoppingRules(targetActors.admin);
  await updateStoppingRules(targetActors.admin, {
    expectedVersion: current.version,
    reason: "Test design",
    // No futility alert from two patients without a tumour assessment: stage 1 needs 10 evaluable.
    settings: StoppingRulesSchema.parse(stoppingRulesForm(customDesign(0, 10, 1, 20))),
  });
}, 300_000);
afterAll(async () => {
  await source?.drop();
  await target?.drop();
});

test("a file whose patients cross the DLT boundary: one email at the next scheduled run; dry run and re-import none", async () => {
  switchToDatabase(target);
  const preview = await runImport(targetActors.admin, { format: "odm", body: file, dryRun: true });
  expect(preview.errors).toEqual([]);
  await runScheduledAlerts();
  expect(await boundaryMail()).toHaveLength(0);

  const report = await runImport(targetActors.admin, { format: "odm", body: file, dryRun: false });
  expect(report.patients).toMatchObject({ created: 2, refused: 0 });
  expect(await boundaryMail()).toHaveLength(0);
  expect((await runScheduledAlerts()).stoppingBoundaries).toBe(1);
  const mail = await boundaryMail();
  expect(mail).toHaveLength(1);
  expect(mail[0]).toMatchObject({ subject: "Stopping boundary crossed: toxicity", status: "PENDING" });

  const again = await runImport(targetActors.admin, { format: "odm", body: file, dryRun: false });
  expect(again.patients).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  expect((await runScheduledAlerts()).stoppingBoundaries).toBe(0);
  expect(await boundaryMail()).toHaveLength(1);
});
