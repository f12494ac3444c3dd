import { createHash } from "node:crypto";
import { mkdtemp, mkdir, readFile, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { applyMigrations, readMigrations } from "./migrate";

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");

describe("applyMigrations on an empty database", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
  });
  afterAll(() => db.drop());

  test("two runners started together apply each migration exactly once", async () => {
    const [first, second] = await Promise.all([
      applyMigrations(db.url, MIGRATIONS),
      applyMigrations(db.url, MIGRATIONS),
    ]);
    const names = (await readMigrations(MIGRATIONS)).map((m) => m.name);
    expect([...first.applied, ...second.applied].sort()).toEqual(names);
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0]!.n)).toBe(names.length);
  });

  test("records each migration as Prisma does: name, SHA-256 of migration.sql, finished, one step", async () => {
    const { rows } = await db.query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
    }>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  test("the migrations table has Prisma's exact columns", async () => {
    const { rows } = await db.query<{
      column_name: string;
      data_type: string;
      is_nullable: string;
      character_maximum_length: number | null;
    }>(
      `SELECT column_name, data_type, is_nullable, character_maximum_length FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(rows.map((r) => [r.column_name, r.data_type, r.is_nullable, r.character_maximum_length])).toEqual([
      ["id", "character varying", "NO", 36],
      ["checksum", "character varying", "NO", 64],
      ["finished_at", "timestamp with time zone", "YES", null],
      ["migration_name", "character varying", "NO", 255],
      ["logs", "text", "YES", null],
      ["rolled_back_at", "timestamp with time zone", "YES", null],
      ["started_at", "timestamp with time zone", "NO", null],
      ["applied_steps_count", "integer", "NO", null],
    ]);
  });

  test("running again applies nothing", async () => {
    const again = await applyMigrations(db.url, MIGRATIONS);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied.length).toBeGreaterThan(0);
  });
});

describe("applyMigrations refuses unsafe states", () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    dir = await mkdtemp(path.join(tmpdir(), "trialdesk-migrations-"));
    await cp(MIGRATIONS, dir, { recursive: true });
    await applyMigrations(db.url, dir);
  });
  afterAll(() => db.drop());

  test("a failing migration leaves neither its changes nor a record, and says which one failed", async () => {
    await mkdir(path.join(dir, "29990101000000_broken"));
    await writeFile(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "half_done" ("id" INTEGER);\nALTER TABLE "no_such_table" ADD COLUMN "x" TEXT;\n`,
    );
    await expect(applyMigrations(db.url, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const table = await db.query(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
    expect(table.rowCount).toBe(0);
    const record = await db.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`);
    expect(record.rowCount).toBe(0);
  });

  test("an applied migration edited afterwards is reported as modified", async () => {
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, "migration.sql"), first!.sql + "\n-- edited\n");
    await expect(applyMigrations(db.url, dir)).rejects.toThrow(/was modified after it was applied/);
  });
});
