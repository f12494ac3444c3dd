import { cp, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { adverseEvent } from "@/test/integration/toxicity-fixtures";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { backfillProjectionsAfterMigration, TYPED_TABLES_MIGRATION } from "./projections-rebuild";

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");

/** A database of the release before the typed tables, with forms saved, then upgraded as `npm start` does. */
describe("the migrate step backfills the typed tables of an existing database", () => {
  let db: TestDatabase;
  let older: string;

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    older = await mkdtemp(path.join(tmpdir(), "trialdesk-older-migrations-"));
    for (const name of (await readdir(MIGRATIONS, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && e.name < TYPED_TABLES_MIGRATION)
      .map((e) => e.name)) {
      await cp(path.join(MIGRATIONS, name), path.join(older, name), { recursive: true });
    }
    await applyMigrations(db.url, older);
    const ae = (term: string, grade: number) => JSON.stringify(adverseEvent({ term, grade, onsetDate: "2026-02-10" }));
    await db.query(
      `
      WITH u AS (INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ('00000000-0000-4000-8000-00000000000a', 'inv@old.test', 'Investigator', '!', now()) RETURNING id),
           s AS (INSERT INTO sites (id, code, name, city, country) VALUES ('00000000-0000-4000-8000-00000000000b', 'OLD1', 'Old site', 'Taipei', 'Taiwan') RETURNING id),
           p AS (INSERT INTO patients (id, site_id, subject_id, status, screening_date, enrollment_date, updated_at)
                 SELECT '00000000-0000-4000-8000-00000000000c', s.id, 'OLD1-001', 'ON_TREATMENT', '2026-01-05', '2026-01-12', now() FROM s RETURNING id)
      INSERT INTO crf_records (id, patient_id, site_id, form_type, data, created_by_id, updated_by_id, updated_at, deleted_at)
      SELECT gen_random_uuid(), p.id, s.id, 'adverse-event', v.data::jsonb, u.id, u.id, now(), v.deleted_at::timestamptz
      FROM p, s, u, (VALUES ($1, NULL), ($2, NULL), ($3, now()::text)) AS v(data, deleted_at)`,
      [ae("Fatigue", 2), ae("Diarrhea", 3), ae("Nausea", 1)],
    );
  });
  afterAll(() => db.drop());

  test("the run that applies the typed tables fills them from the forms already saved (not the withdrawn one); a later run leaves them", async () => {
    const result = await applyMigrations(db.url, MIGRATIONS);
    expect(result.applied).toContain(TYPED_TABLES_MIGRATION);
    const report = await backfillProjectionsAfterMigration(db.url, result);
    expect(report).toMatchObject({ records: 2, rows: { adverse_events: 2, lab_results: 0 }, efficacyFacts: 1 });
    const { rows } = await db.query<{ term: string; grade: number }>(
      `SELECT term, grade FROM adverse_events ORDER BY term`,
    );
    expect(rows).toEqual([
      { term: "Diarrhea", grade: 3 },
      { term: "Fatigue", grade: 2 },
    ]);

    const again = await applyMigrations(db.url, MIGRATIONS);
    expect(await backfillProjectionsAfterMigration(db.url, again)).toBeNull();
  });
});
