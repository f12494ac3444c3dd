import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { writeAudit } from "./audit-log";

// 21 CFR Part 11 style: the trail must be tamper-evident even to someone with SQL access
// as the application's own database user.
describe("audit_events is append-only in the database itself", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.prisma.$transaction((tx) =>
      writeAudit(
        tx,
        { userId: null, email: "someone@example.org" },
        { action: "CREATE", entityType: "patient", entityId: "p1" },
      ),
    );
  });
  afterAll(() => db.drop());

  test("UPDATE is rejected", async () => {
    await expect(db.query(`UPDATE "audit_events" SET "actor_email" = 'forged@example.org'`)).rejects.toThrow(
      /append-only: UPDATE/,
    );
  });

  test("DELETE is rejected, also through Prisma", async () => {
    await expect(db.query(`DELETE FROM "audit_events"`)).rejects.toThrow(/append-only: DELETE/);
    await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow();
  });

  test("TRUNCATE is rejected", async () => {
    await expect(db.query(`TRUNCATE "audit_events"`)).rejects.toThrow(/append-only: TRUNCATE/);
  });

  test("the record is still there, unchanged, with a server timestamp", async () => {
    const { rows } = await db.query<{ actor_email: string; occurred_at: Date }>(
      `SELECT actor_email, occurred_at FROM "audit_events"`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_email).toBe("someone@example.org");
    expect(Math.abs(rows[0]!.occurred_at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  test("an audit write inside a transaction that fails is rolled back with it", async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await writeAudit(
          tx,
          { userId: null, email: "x@example.org" },
          { action: "UPDATE", entityType: "patient", entityId: "p2" },
        );
        throw new Error("the clinical write failed");
      }),
    ).rejects.toThrow("the clinical write failed");
    expect(await db.prisma.auditEvent.count({ where: { entityId: "p2" } })).toBe(0);
  });
});
