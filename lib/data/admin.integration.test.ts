import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/get-actor";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { seedDemoActors, type DemoActorName } from "@/test/integration/demo-actors";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { SiteSchema } from "@/lib/schemas/admin";
import { assignRole, createSite, createUser, listSites, listUsers, removeRole, setUserActive } from "./admin";
import { listPatients, registerPatient } from "./patients";

let db: TestDatabase;
let actors: Record<DemoActorName, Actor>;
let sites: Record<"TW01" | "TW02" | "TW03", string>;

beforeAll(async () => {
  db = await createTestDatabase();
  ({ actors, sites } = await seedDemoActors(db.prisma));
});
afterAll(() => db.drop());

describe("administration", () => {
  test("only administrators manage users and sites", async () => {
    for (const name of ["investigator1", "coordinator", "pi", "monitor"] as const) {
      await expect(listUsers(actors[name])).rejects.toThrow(ForbiddenError);
      await expect(listSites(actors[name])).rejects.toThrow(ForbiddenError);
    }
    expect((await listUsers(actors.admin)).length).toBe(7);
  });

  test("an administrator creates an investigator at a site, who then sees only that site; removing the role ends it", async () => {
    const { id } = await createUser(actors.admin, {
      email: "new.investigator@hospital.example", name: "Dr. New", temporaryPassword: "a-long-temporary-pass",
      assignment: { role: "INVESTIGATOR", siteId: sites.TW02 },
    });
    await registerPatient(actors.investigator2, { siteId: sites.TW02, screeningDate: "2026-03-02" });
    await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-03-02" });
    const newcomer = (await loadActor(id))!;
    expect((await listPatients(newcomer, { pageSize: 50 })).data.map((p) => p.site.code)).toEqual(["TW02"]);

    await assignRole(actors.admin, { userId: id, assignment: { role: "INVESTIGATOR", siteId: sites.TW01 } });
    expect(new Set((await listPatients((await loadActor(id))!, { pageSize: 50 })).data.map((p) => p.site.code))).toEqual(new Set(["TW01", "TW02"]));
    await expect(assignRole(actors.admin, { userId: id, assignment: { role: "INVESTIGATOR", siteId: sites.TW01 } })).rejects.toThrow(ConflictError);

    const assignments = await db.prisma.roleAssignment.findMany({ where: { userId: id } });
    for (const a of assignments) await removeRole(actors.admin, { userId: id, assignmentId: a.id, reason: "Left the trial team" });
    await expect(listPatients((await loadActor(id))!, { pageSize: 50 })).rejects.toThrow(ForbiddenError);
    const audit = await db.prisma.auditEvent.findMany({ where: { OR: [{ entityId: id }, { entityType: "role-assignment" }] } });
    expect(audit.map((a) => a.action).sort()).toEqual(["CREATE", "CREATE", "DELETE", "DELETE"]);
    expect(JSON.stringify(audit.map((a) => a.changes))).not.toContain("a-long-temporary-pass");
  });

  test("deactivated users lose access at once and are never deleted", async () => {
    const monitor = await db.prisma.user.findUniqueOrThrow({ where: { email: "monitor@demo.test" } });
    await setUserActive(actors.admin, { userId: monitor.id, active: false, reason: "Contract ended" });
    expect(await loadActor(monitor.id)).toBeNull();
    expect(await db.prisma.user.count({ where: { id: monitor.id } })).toBe(1);
    await expect(setUserActive(actors.admin, { userId: actors.admin.userId, active: false, reason: "oops" })).rejects.toThrow(ConflictError);
    await setUserActive(actors.admin, { userId: monitor.id, active: true, reason: "Contract renewed" });
    expect(await loadActor(monitor.id)).not.toBeNull();
  });

  test("sites have unique codes and are audited", async () => {
    await createSite(actors.admin, { code: "TW04", name: "Taipei Veterans General Hospital", city: "Taipei", country: "Taiwan", targetEnrollment: 5 });
    await expect(createSite(actors.admin, { code: "TW04", name: "x", city: "x", country: "x", targetEnrollment: 0 })).rejects.toThrow(ConflictError);
    expect((await listSites(actors.admin)).map((s) => s.code)).toEqual(["TW01", "TW02", "TW03", "TW04"]);
  });

  test("a site keeps its time zone (UTC unless given); the schema accepts only IANA zones", async () => {
    const berlin = await createSite(actors.admin, { ...SiteSchema.parse({ code: "DE01", name: "Charite Berlin", city: "Berlin", country: "Germany", targetEnrollment: 2, timeZone: "Europe/Berlin" }) });
    const plain = await createSite(actors.admin, { code: "DE02", name: "Uniklinik Koeln", city: "Cologne", country: "Germany", targetEnrollment: 2 });
    expect((await db.prisma.site.findUniqueOrThrow({ where: { id: berlin.id } })).timeZone).toBe("Europe/Berlin");
    expect((await db.prisma.site.findUniqueOrThrow({ where: { id: plain.id } })).timeZone).toBe("UTC");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: berlin.id, action: "CREATE" } });
    expect(audit.changes).toEqual(expect.arrayContaining([{ field: "timeZone", from: null, to: "Europe/Berlin" }]));
    const wrong = SiteSchema.safeParse({ code: "DE03", name: "Somewhere", city: "x", country: "x", targetEnrollment: 0, timeZone: "Berlin" });
    expect(wrong.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["timeZone", "Enter an IANA time zone, e.g. Asia/Taipei or Europe/Berlin"]]);
  });
});
