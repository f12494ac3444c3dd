import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { buildExpectedSchema, diffSchemas, findSchemaDrift, introspectDatabase } from "./index";

// The migrations in prisma/migrations must build exactly what schema.prisma describes, or a
// machine with Prisma's engine would generate a corrective migration (drift).
describe("migrated database vs schema.prisma", () => {
  let db: TestDatabase;
  let schemaText: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    schemaText = await readFile("prisma/schema.prisma", "utf8");
  });
  afterAll(() => db.drop());

  test("has no drift: every table, column, type, nullability, default, index and foreign key matches", async () => {
    const drift = await findSchemaDrift({ query: (sql: string) => db.query(sql) } as never);
    expect(drift).toEqual([]);
  });

  test("the comparison covers every model of the schema", async () => {
    const actual = await introspectDatabase({ query: (sql: string) => db.query(sql) } as never);
    const expected = buildExpectedSchema(schemaText);
    expect(Object.keys(actual.tables).sort()).toEqual(Object.keys(expected.tables).sort());
    expect(Object.keys(expected.tables).length).toBeGreaterThanOrEqual(3);
  });

  test.each([
    [
      "a changed column type",
      (s: string) =>
        s.replace(
          "code             String           @unique @db.VarChar(8)",
          "code             String           @unique @db.VarChar(12)",
        ),
      /sites\.code: type character varying\(8\) should be character varying\(12\)/,
    ],
    [
      "a column made optional",
      (s: string) => s.replace("name             String\n", "name             String?\n"),
      /sites\.name: NOT NULL should be nullable/,
    ],
    [
      "a new column",
      (s: string) =>
        s.replace(
          "  active           Boolean          @default(true)\n",
          "  active           Boolean          @default(true)\n  phone String?\n",
        ),
      /column sites\.phone is in schema\.prisma but missing/,
    ],
    [
      "a changed default",
      (s: string) => s.replace('@default(0) @map("target_enrollment")', '@default(43) @map("target_enrollment")'),
      /target_enrollment: default 0 should be 43/,
    ],
    [
      "a new index",
      (s: string) => s.replace('  @@map("users")', '  @@index([name])\n  @@map("users")'),
      /users_name_idx is in schema\.prisma but missing/,
    ],
    [
      "a changed referential action",
      (s: string) =>
        s.replace("fields: [userId], references: [id])", "fields: [userId], references: [id], onDelete: Cascade)"),
      /role_assignments_user_id_fkey/,
    ],
    [
      "a new enum value",
      (s: string) => s.replace("  DATA_MANAGER\n}", "  DATA_MANAGER\n  AUDITOR\n}"),
      /enum Role: values/,
    ],
  ])("reports %s made in schema.prisma without a migration", async (_label, edit, message) => {
    const edited = edit(schemaText);
    expect(edited).not.toBe(schemaText); // the edit must actually apply, or this test proves nothing
    const actual = await introspectDatabase({ query: (sql: string) => db.query(sql) } as never);
    const drift = diffSchemas(buildExpectedSchema(edited), actual);
    expect(drift.join("\n")).toMatch(message);
  });

  test("reports a column the database has but the schema does not", async () => {
    await db.query(`ALTER TABLE "sites" ADD COLUMN "legacy" TEXT`);
    const drift = await findSchemaDrift({ query: (sql: string) => db.query(sql) } as never);
    expect(drift).toContain("column sites.legacy is in the database but not in schema.prisma");
    await db.query(`ALTER TABLE "sites" DROP COLUMN "legacy"`);
  });
});
