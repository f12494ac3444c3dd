import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inject } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { ensureAppRole } from "./app-role";

describe("the app's database role (real PostgreSQL)", () => {
  let db: TestDatabase;
  let app: pg.Client;
  const role = {
    name: `trialdesk_app_${randomBytes(4).toString("hex")}`,
    password: randomBytes(12).toString("base64url"),
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // Idempotent: applied after every migration run.
    await ensureAppRole(db.url, role);
    const appUrl = await ensureAppRole(db.url, role);
    app = new pg.Client({ connectionString: appUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app.end();
    await db.drop();
    const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS "${role.name}"`).finally(() => admin.end());
  });

  const error = (sql: string) =>
    app.query(sql).then(
      () => null,
      (e: { message: string }) => e.message,
    );

  test("is no superuser and owns nothing", async () => {
    const { rows } = await app.query<{ rolsuper: boolean; rolcreaterole: boolean; owned: string }>(
      `SELECT rolsuper, rolcreaterole, (SELECT count(*) FROM pg_tables WHERE tableowner = current_user)::text AS owned FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, owned: "0" });
  });

  test("may INSERT and SELECT audit rows, and nothing else on audit_events", async () => {
    await app.query(
      `INSERT INTO audit_events (actor_email, action, entity_type, entity_id) VALUES ('app@x.test', 'CREATE', 'probe', 'p1')`,
    );
    expect(
      (await app.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'probe'`)).rows[0],
    ).toEqual({ n: 1 });
    expect(await error(`DELETE FROM audit_events`)).toMatch(/permission denied for table audit_events/);
    expect(await error(`ALTER TABLE audit_events DISABLE TRIGGER ALL`)).toMatch(/must be owner of table audit_events/);
    expect(await error(`UPDATE audit_events SET reason = 'rewritten'`)).toMatch(
      /permission denied for table audit_events/,
    );
    expect(await error(`TRUNCATE audit_events`)).toMatch(/permission denied for table audit_events/);
    expect(await error(`DROP TRIGGER audit_events_no_update_or_delete ON audit_events`)).toMatch(/must be owner/);
    expect((await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'probe'`)).rows[0]).toEqual(
      { n: 1 },
    );
  });

  test("does the app's ordinary work on the other tables, but cannot change the schema or the migration history", async () => {
    await app.query(
      `INSERT INTO sites (id, code, name, city, country, target_enrollment) VALUES (gen_random_uuid(), 'ZZ01', 'Probe', 'X', 'Y', 1)`,
    );
    await app.query(`UPDATE sites SET name = 'Probe 2' WHERE code = 'ZZ01'`);
    await app.query(`DELETE FROM sites WHERE code = 'ZZ01'`);
    expect(await error(`CREATE TABLE probe (id int)`)).toMatch(/permission denied for schema public/);
    expect(await error(`ALTER TABLE sites ADD COLUMN probe int`)).toMatch(/must be owner/);
    expect(await error(`DELETE FROM _prisma_migrations`)).toMatch(/permission denied/);
    expect((await app.query(`SELECT count(*)::int AS n FROM _prisma_migrations`)).rows[0]!.n).toBeGreaterThan(0);
  });
});
