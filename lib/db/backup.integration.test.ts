import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { saveCrfRecord } from "@/lib/data/crf-records";
import { registerPatient } from "@/lib/data/patients";
import { TRIAL_ELIGIBILITY_CRITERIA } from "@/lib/domain/eligibility/criteria";
import { seedDemoActors } from "@/test/integration/demo-actors";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { BackupToolError, backupDatabase, checksumTables, findCompatiblePgTool, restoreDatabase } from "./backup";

/**
 * Issue 8, resilience 5. The round trip needs a pg_dump at least as new as the server
 * (PostgreSQL 17); where only an older one exists (Debian 12 ships 15), the refusal and its
 * message are what is tested, and the round trip is skipped with that reason.
 */
const toolProblem = await findCompatiblePgTool("pg_dump", inject("adminDatabaseUrl")).then(
  () => null,
  (error: unknown) => error as Error,
);

let source: TestDatabase;
let target: TestDatabase;
let folder: string;

beforeAll(async () => {
  source = await createTestDatabase();
  folder = await mkdtemp(path.join(os.tmpdir(), "trialdesk-backup-"));
  const { actors, sites } = await seedDemoActors(source.prisma);
  const patient = await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-01-05" });
  const answers = Object.fromEntries(TRIAL_ELIGIBILITY_CRITERIA.map((c) => [c.id, c.kind === "inclusion" ? "yes" : "no"]));
  const record = await saveCrfRecord(actors.investigator1, {
    patientId: patient.id, formType: "eligibility", visitKey: "screening", recordId: null, expectedVersion: null, reason: null,
    data: { consentDate: "2026-01-04", answers },
  });
  await saveCrfRecord(actors.investigator1, {
    patientId: patient.id, formType: "eligibility", visitKey: "screening", recordId: record.id, expectedVersion: 1, reason: "Source document re-read",
    data: { consentDate: "2026-01-03", answers },
  });
  // Created last: createTestDatabase points lib/data at the newest database. Empty (template0).
  target = await createTestDatabase({ migrated: false });
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await target.drop();
  await source.drop();
});

describe("backup and restore (pg_dump / pg_restore)", () => {
  test.runIf(toolProblem)("an older pg_dump is refused before anything runs, naming both versions and what to install", async () => {
    const error = await backupDatabase(source.url, path.join(folder, "refused.dump")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupToolError);
    expect((error as Error).message).toMatch(/is PostgreSQL \d+, but the server is PostgreSQL \d+: .*Install the PostgreSQL \d+ client tools/);
  });

  test.skipIf(toolProblem)("a restored copy has the same rows, audit trail and append-only protection as the source", async () => {
    const file = path.join(folder, "trialdesk.dump");
    await backupDatabase(source.url, file);
    await restoreDatabase(file, target.url);
    const [before, after] = await Promise.all([checksumTables(source.url), checksumTables(target.url)]);
    expect(after).toEqual(before);
    expect(before.audit_events!.rows).toBeGreaterThan(2);
    expect(before.crf_records!.rows).toBe(1);
    await expect(target.query("UPDATE audit_events SET reason = 'rewritten'")).rejects.toThrow(/append-only/);
    // Restoring over data is refused: a restore never merges into or overwrites a database.
    await expect(restoreDatabase(file, target.url)).rejects.toThrow(/not empty/);
  });
});
