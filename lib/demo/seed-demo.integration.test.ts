import { LAB_PANEL } from "@/lib/forms/labs/lab-panel";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { seedDemoData } from "./seed-demo";

describe("demo seed", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  test("refuses to run in production mode and writes nothing", async () => {
    await expect(seedDemoData(db.prisma, "production")).rejects.toThrow(/only in demo mode/);
    expect(await db.prisma.user.count()).toBe(0);
  });

  test("creates 3 sites and one user per role, each investigator at a different site", async () => {
    const report = await seedDemoData(db.prisma, "demo");
    expect(report).toEqual({ sitesCreated: 3, usersCreated: 7, labRangeSitesSeeded: 3 });
    // Every demo laboratory has a range for every test of the labs form.
    expect(await db.prisma.labReferenceRange.count()).toBe(3 * LAB_PANEL.length);
    const users = await db.prisma.user.findMany({ include: { roleAssignments: { include: { site: true } } } });
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    const investigatorSites = users
      .filter((u) => u.roleAssignments.some((r) => r.role === "INVESTIGATOR"))
      .map((u) => u.roleAssignments[0]!.site!.code);
    expect(new Set(investigatorSites).size).toBe(3);
    expect(new Set(users.flatMap((u) => u.roleAssignments.map((r) => r.role)))).toEqual(
      new Set(["INVESTIGATOR", "COORDINATOR", "PRINCIPAL_INVESTIGATOR", "MONITOR", "ADMIN"]),
    );
  });

  test("stores hashed passwords that verify against the documented demo password", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "pi@demo.test" } });
    expect(user.passwordHash).not.toContain(DEMO_PASSWORD);
    expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
  });

  test("is idempotent and does not reset a changed password", async () => {
    await db.prisma.user.update({ where: { email: "pi@demo.test" }, data: { passwordHash: "changed" } });
    expect(await seedDemoData(db.prisma, "demo")).toEqual({ sitesCreated: 0, usersCreated: 0, labRangeSitesSeeded: 0 });
    expect(await db.prisma.site.count()).toBe(3);
    expect(await db.prisma.user.count()).toBe(7);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { email: "pi@demo.test" } })).passwordHash).toBe("changed");
  });
});
