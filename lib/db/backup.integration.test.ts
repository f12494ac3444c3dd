import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { deleteCrfRecord } from "@/lib/data/crf-records";
import { openDataQuery, replyToDataQuery } from "@/lib/data/data-queries";
import { signCrfRecord } from "@/lib/data/form-review";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemoActors } from "@/test/integration/demo-actors";
import { queryOnce } from "@/test/integration/query-once";
import {
  findPostgresTools,
  startInstalledPostgres,
  type InstalledServer,
  type PostgresTools,
} from "@/test/integration/installed-postgres";
import {
  adverseEvent,
  correctAdverseEvent,
  createPatient,
  recordAdverseEvent,
  recordLabs,
} from "@/test/integration/toxicity-fixtures";
import { BackupToolError, backupDatabase, checksumTables, restoreDatabase, serverMajorVersion } from "./backup";

/**
 * Issue 8, resilience 5: a backup restores to the same data and audit trail. pg_dump must
 * be at least the server's major version and no pg_dump 17 exists for Debian 12, so the
 * round trip runs on a server started from the SAME installation as the pg_dump found
 * (PostgreSQL 15 from Debian's postgresql-15, which .ci/run installs). Without one, every
 * test here fails and says what to install: a skipped round trip would prove nothing.
 */
const located = await findPostgresTools().catch((error: unknown) => error as Error);
const embeddedMajor = await serverMajorVersion(inject("adminDatabaseUrl"));

function requireTools(): PostgresTools {
  if (located instanceof Error) throw located;
  return located;
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "trialdesk-backup-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

// Only a pg_dump older than the embedded server can be refused; with tools of 17 or newer
// there is nothing to refuse (on Debian 12 the tools are 15, so this always runs there).
describe.skipIf(!(located instanceof Error) && located.major >= embeddedMajor)(
  "version check against the embedded PostgreSQL",
  () => {
    test("an older pg_dump is refused before anything runs, naming both versions and what to install", async () => {
      const tools = requireTools();
      const error = await backupDatabase(inject("adminDatabaseUrl"), path.join(folder, "refused.dump"), {
        binDir: tools.binDir,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupToolError);
      expect((error as Error).message).toContain(
        `is PostgreSQL ${tools.major}, but the server is PostgreSQL ${embeddedMajor}: pg_dump ${tools.major} cannot handle a newer server`,
      );
      expect((error as Error).message).toContain(`Install the PostgreSQL ${embeddedMajor} client tools`);
    });
  },
);

describe("backup and restore round trip on a server of the tools' own version", () => {
  let tools: PostgresTools;
  let server: InstalledServer;
  let sourceUrl: string;
  let copyUrl: string;
  const clients: PrismaClient[] = [];

  /** lib/data reaches the database through getPrisma(); point it at `url`. */
  function useDatabase(url: string): void {
    const prisma = createPrismaClient(url, 4);
    clients.push(prisma);
    (globalThis as unknown as { trialdeskPrisma?: PrismaClient }).trialdeskPrisma = prisma;
  }
  beforeAll(async () => {
    // Without tools the test itself fails with requireTools()'s message (a failing hook would
    // report the test as skipped).
    if (located instanceof Error) return;
    tools = located;
    server = await startInstalledPostgres(tools, await findFreePort());
    sourceUrl = server.urlFor("trialdesk_source");
    copyUrl = server.urlFor("trialdesk_copy");
    await queryOnce(server.urlFor("postgres"), `CREATE DATABASE "trialdesk_source"`);
    await queryOnce(server.urlFor("postgres"), `CREATE DATABASE "trialdesk_copy" TEMPLATE template0`);
    await applyMigrations(sourceUrl);

    // Real data through the app's own write paths, so every row has its audit events.
    useDatabase(sourceUrl);
    const { actors, sites } = await seedDemoActors(clients[0]!);
    const first = await createPatient(actors.investigator1, sites.TW01);
    const second = await createPatient(actors.investigator2, sites.TW02);
    await createPatient(actors.investigator3, sites.TW03, { enrolled: false });
    const event = await recordAdverseEvent(actors.investigator1, first.id, adverseEvent());
    await correctAdverseEvent(actors.investigator1, first.id, event, adverseEvent({ grade: 3 }));
    const labs = await recordLabs(actors.investigator2, second.id, "week4", "2026-02-07", { platelets: { value: 40 } });
    await signCrfRecord(actors.investigator2, { patientId: second.id, recordId: labs.id, password: DEMO_PASSWORD });
    const query = await openDataQuery(actors.monitor, {
      patientId: second.id,
      recordId: labs.id,
      fieldPath: "sampleDate",
      text: "Please confirm the sample date",
    });
    await replyToDataQuery(actors.investigator2, "answer", {
      patientId: second.id,
      queryId: query.id,
      text: "Confirmed from the lab report",
    });
    const mistaken = await recordAdverseEvent(actors.investigator2, second.id, adverseEvent({ term: "Nausea" }));
    await deleteCrfRecord(actors.investigator2, {
      patientId: second.id,
      recordId: mistaken.id,
      reason: "Entered for the wrong patient",
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.$disconnect()));
    await server?.stop();
  });

  test("a restored copy has the same rows and audit trail, keeps the audit trail append-only, and the app works on it", async () => {
    requireTools();
    expect(await serverMajorVersion(sourceUrl)).toBe(tools.major);
    const file = path.join(folder, "trialdesk.dump");
    // The functions `npm run db:backup` / `npm run db:restore` run.
    await backupDatabase(sourceUrl, file, { binDir: tools.binDir });
    await restoreDatabase(file, copyUrl, { binDir: tools.binDir });

    const [source, copy] = await Promise.all([checksumTables(sourceUrl), checksumTables(copyUrl)]);
    expect(Object.keys(copy)).toEqual(Object.keys(source));
    expect(copy).toEqual(source);
    // The data written above is really there (not two empty databases that match).
    expect(source.patients!.rows).toBe(3);
    // 3 eligibility forms, 2 adverse events (one corrected, one soft-deleted), 1 labs form.
    expect(source.crf_records!.rows).toBe(6);
    expect(source._prisma_migrations!.rows).toBeGreaterThan(0);
    const audit = await queryOnce(
      copyUrl,
      `SELECT action, count(*)::int AS n FROM audit_events GROUP BY action ORDER BY action`,
    );
    expect(Object.fromEntries(audit.rows.map((r: { action: string; n: number }) => [r.action, r.n]))).toMatchObject({
      CREATE: expect.any(Number),
      UPDATE: expect.any(Number),
      SIGN: 1,
      DELETE: 1,
    });

    const tables = Object.entries(source);
    const { size } = await stat(file);
    console.log(
      `Backup round trip on PostgreSQL ${tools.major} (${tools.binDir}): ${tables.length} tables, ` +
        `${tables.reduce((sum, [, t]) => sum + t.rows, 0)} rows (audit_events ${source.audit_events!.rows}, crf_records ${source.crf_records!.rows}), ` +
        `dump ${size} bytes; every table's row count and md5 identical in the copy: ${tables.map(([name, t]) => `${name} ${t.rows}`).join(", ")}.`,
    );

    // The append-only protection came back with the schema: the database itself still refuses.
    await expect(queryOnce(copyUrl, "UPDATE audit_events SET reason = 'rewritten'")).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(queryOnce(copyUrl, "DELETE FROM audit_events")).rejects.toThrow(/append-only: DELETE/);
    await expect(queryOnce(copyUrl, "TRUNCATE audit_events")).rejects.toThrow(/append-only: TRUNCATE/);

    // The app writes to the copy as to the original: a new record and its audit event.
    useDatabase(copyUrl);
    const { actors, sites } = await seedDemoActors(clients.at(-1)!);
    await createPatient(actors.investigator1, sites.TW01, { enrolled: false });
    const after = await checksumTables(copyUrl);
    expect(after.patients!.rows).toBe(source.patients!.rows + 1);
    expect(after.audit_events!.rows).toBeGreaterThan(source.audit_events!.rows);

    // Restoring over data is refused: a restore never merges into or overwrites a database.
    await expect(restoreDatabase(file, copyUrl, { binDir: tools.binDir })).rejects.toThrow(/not empty/);
  });
});
