import { existsSync } from "node:fs";
import { appendFile, copyFile, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemoActors } from "@/test/integration/demo-actors";
import { queryOnce } from "@/test/integration/query-once";
import {
  adverseEvent,
  correctAdverseEvent,
  createPatient,
  recordAdverseEvent,
  recordLabs,
} from "@/test/integration/toxicity-fixtures";
import { checksumTables } from "./backup";
import { runBackup } from "./backup-schedule";
import { sha256Of } from "./base-backup";
import { findFreePort, startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";
import { applyMigrations } from "./migrate";
import { startReadOnly, unpackBaseBackup } from "./restore-base-backup";

/**
 * Issue 20: a scheduled base backup (pg_backup_start / pg_backup_stop, no pg_dump) of an
 * embedded database with data restores into a new folder with every table's rows and checksum
 * equal, audit_events included, and the append-only trigger still refusing rewrites.
 */
let folder: string;
let source: EmbeddedServer | undefined;
let copy: EmbeddedServer | undefined;
let prisma: PrismaClient | undefined;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "trialdesk-base-backup-"));
  source = await startEmbeddedPostgres({ dataDir: path.join(folder, "live"), port: await findFreePort(), fresh: true });
  await source.ensureDatabase("trialdesk");
  await applyMigrations(source.urlFor("trialdesk"));
  // Real data through the app's write paths, so every row has its audit events.
  prisma = createPrismaClient(source.urlFor("trialdesk"), 4);
  (globalThis as unknown as { trialdeskPrisma?: PrismaClient }).trialdeskPrisma = prisma;
  const { actors, sites } = await seedDemoActors(prisma);
  const first = await createPatient(actors.investigator1, sites.TW01);
  const second = await createPatient(actors.investigator2, sites.TW02);
  const event = await recordAdverseEvent(actors.investigator1, first.id, adverseEvent());
  await correctAdverseEvent(actors.investigator1, first.id, event, adverseEvent({ grade: 3 }));
  await recordLabs(actors.investigator2, second.id, "week4", "2026-02-07", { platelets: { value: 40 } });
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await copy?.stop();
  await source?.stop();
  await rm(folder, { recursive: true, force: true });
});

describe("scheduled base backup and restore", () => {
  test("restores into a new folder with every table equal, audit trail included and still append-only", async () => {
    const appUrl = source!.urlFor("trialdesk");
    // Rows committed one by one WHILE the backup copies files: the restored copy must hold an
    // unbroken prefix of them (WAL replay to the backup's end), never a torn state.
    await queryOnce(appUrl, "CREATE TABLE writes_during_backup (n int PRIMARY KEY)");
    const before = await checksumTables(appUrl);
    const settings = { intervalHours: 24, retentionDays: 14, dir: path.join(folder, "backups") };
    const writer = new pg.Client({ connectionString: appUrl });
    await writer.connect();
    let written = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) await writer.query("INSERT INTO writes_during_backup VALUES ($1)", [++written]);
    })();

    const run = await runBackup(
      { adminUrl: source!.urlFor("postgres"), clusterDir: source!.clusterDir, appDatabaseUrl: appUrl },
      settings,
      "scheduled",
    );
    writing = false;
    await writes;
    await writer.end();
    expect(run.error).toBeNull();
    expect(run.succeeded).toBe(true);
    const archive = path.join(settings.dir, run.fileName!);
    // Written atomically: only the archive and its checksum, no partial file or staging folder.
    expect((await readdir(settings.dir)).sort()).toEqual([run.fileName, `${run.fileName}.sha256`]);
    expect(await readFile(`${archive}.sha256`, "utf8")).toBe(`${await sha256Of(archive)}  ${run.fileName}\n`);
    // A non-exclusive backup leaves nothing in the live data folder.
    expect(existsSync(path.join(source!.clusterDir, "backup_label"))).toBe(false);
    const recorded = await queryOnce(
      appUrl,
      "SELECT succeeded, trigger, method, file_name, size_bytes::int AS size, sha256 FROM backup_runs",
    );
    expect(recorded.rows).toEqual([
      {
        succeeded: true,
        trigger: "scheduled",
        method: "base-backup",
        file_name: run.fileName,
        size: run.sizeBytes,
        sha256: run.sha256,
      },
    ]);

    const restoredDir = path.join(folder, "restored");
    await unpackBaseBackup(archive, restoredDir);
    copy = await startReadOnly(restoredDir, { port: await findFreePort() });
    const copyUrl = copy.urlFor("trialdesk");
    const { writes_during_backup: during, ...after } = await checksumTables(copyUrl);
    const { writes_during_backup: empty, ...expected } = before;
    expect(empty!.rows).toBe(0);
    expect(Object.keys(after)).toEqual(Object.keys(expected));
    expect(after).toEqual(expected);
    const prefix = await queryOnce(
      copyUrl,
      "SELECT count(*)::int AS n, coalesce(max(n), 0) AS max FROM writes_during_backup",
    );
    expect(prefix.rows[0].n).toBeGreaterThan(0);
    expect(prefix.rows[0].max).toBe(prefix.rows[0].n);
    expect(prefix.rows[0].n).toBeLessThanOrEqual(written);
    // Real data, not two empty databases that match.
    expect(before.patients!.rows).toBe(2);
    expect(before.audit_events!.rows).toBeGreaterThan(5);
    expect(before.backup_runs!.rows).toBe(0);
    const tables = Object.entries(after);
    console.log(
      `Base backup ${run.fileName}: ${run.sizeBytes} bytes; restored ${tables.length} tables, every row count and md5 equal: ${tables.map(([name, t]) => `${name} ${t.rows}`).join(", ")}; ` +
        `rows committed during the backup: ${written}, in the copy an unbroken 1..${during!.rows}.`,
    );

    // Read-only for inspection...
    await expect(
      queryOnce(
        copyUrl,
        "INSERT INTO backup_runs (started_at, finished_at, succeeded, method, trigger) VALUES (now(), now(), true, 'x', 'x')",
      ),
    ).rejects.toThrow(/read-only transaction/);
    // ...and with writes allowed, the audit trail still refuses to be rewritten.
    const writable = "BEGIN READ WRITE; ";
    await expect(queryOnce(copyUrl, `${writable}UPDATE audit_events SET reason = 'rewritten'`)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(queryOnce(copyUrl, `${writable}DELETE FROM audit_events`)).rejects.toThrow(/append-only: DELETE/);
    expect((await checksumTables(copyUrl)).audit_events).toEqual(expected.audit_events);

    // Never over existing data, and never from a damaged archive.
    await expect(unpackBaseBackup(archive, restoredDir)).rejects.toThrow(/not empty/);
    const damaged = path.join(folder, "damaged.tar.gz");
    await copyFile(archive, damaged);
    await copyFile(`${archive}.sha256`, `${damaged}.sha256`);
    await appendFile(damaged, "x");
    await expect(unpackBaseBackup(damaged, path.join(folder, "from-damaged"))).rejects.toThrow(
      /does not match its checksum/,
    );
  }, 120_000);

  test("a failed attempt is recorded with its reason and leaves no partial file", async () => {
    const appUrl = source!.urlFor("trialdesk");
    const settings = { intervalHours: 24, retentionDays: 14, dir: path.join(folder, "failing") };
    const run = await runBackup(
      {
        adminUrl: source!.urlFor("postgres"),
        clusterDir: path.join(folder, "no-such-cluster"),
        appDatabaseUrl: appUrl,
      },
      settings,
      "scheduled",
    );
    expect(run.succeeded).toBe(false);
    expect(run.error).toMatch(/no-such-cluster is not a PostgreSQL data folder/);
    expect(existsSync(settings.dir) ? await readdir(settings.dir) : []).toEqual([]);
    const recorded = await queryOnce(
      appUrl,
      "SELECT succeeded, error, file_name FROM backup_runs ORDER BY finished_at DESC LIMIT 1",
    );
    expect(recorded.rows[0]).toEqual({ succeeded: false, error: run.error, file_name: null });
  }, 60_000);
});
