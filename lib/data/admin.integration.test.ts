import { describe, expect, test } from "vitest";
import { loadActor } from "@/lib/auth/get-actor";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { SiteSchema, UpdateSiteSchema } from "@/lib/schemas/admin";
import {
  assignRole,
  createSite,
  createUser,
  listSites,
  listUsers,
  removeRole,
  setUserActive,
  unlockAccount,
  updateSite,
} from "./admin";
import { listPatients, registerPatient } from "./patients";
import { updateStudySettings } from "./study-settings";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

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
      email: "new.investigator@hospital.example",
      name: "Dr. New",
      temporaryPassword: "a-long-temporary-pass",
      assignment: { role: "INVESTIGATOR", siteId: sites.TW02 },
    });
    await registerPatient(actors.investigator2, { siteId: sites.TW02, screeningDate: "2026-03-02" });
    await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-03-02" });
    const newcomer = (await loadActor(id))!;
    expect((await listPatients(newcomer, { pageSize: 50 })).data.map((p) => p.site.code)).toEqual(["TW02"]);

    await assignRole(actors.admin, { userId: id, assignment: { role: "INVESTIGATOR", siteId: sites.TW01 } });
    expect(
      new Set((await listPatients((await loadActor(id))!, { pageSize: 50 })).data.map((p) => p.site.code)),
    ).toEqual(new Set(["TW01", "TW02"]));
    await expect(
      assignRole(actors.admin, { userId: id, assignment: { role: "INVESTIGATOR", siteId: sites.TW01 } }),
    ).rejects.toThrow(ConflictError);

    const assignments = await db.prisma.roleAssignment.findMany({ where: { userId: id } });
    for (const a of assignments)
      await removeRole(actors.admin, { userId: id, assignmentId: a.id, reason: "Left the trial team" });
    await expect(listPatients((await loadActor(id))!, { pageSize: 50 })).rejects.toThrow(ForbiddenError);
    const audit = await db.prisma.auditEvent.findMany({
      where: { OR: [{ entityId: id }, { entityType: "role-assignment" }] },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["CREATE", "CREATE", "DELETE", "DELETE"]);
    expect(JSON.stringify(audit.map((a) => a.changes))).not.toContain("a-long-temporary-pass");
  });

  test("deactivated users lose access at once and are never deleted", async () => {
    const monitor = await db.prisma.user.findUniqueOrThrow({ where: { email: "monitor@demo.test" } });
    await setUserActive(actors.admin, { userId: monitor.id, active: false, reason: "Contract ended" });
    expect(await loadActor(monitor.id)).toBeNull();
    expect(await db.prisma.user.count({ where: { id: monitor.id } })).toBe(1);
    await expect(
      setUserActive(actors.admin, { userId: actors.admin.userId, active: false, reason: "oops" }),
    ).rejects.toThrow(ConflictError);
    await setUserActive(actors.admin, { userId: monitor.id, active: true, reason: "Contract renewed" });
    expect(await loadActor(monitor.id)).not.toBeNull();
  });

  test("sites have unique codes and are audited", async () => {
    await createSite(actors.admin, {
      code: "TW04",
      name: "Taipei Veterans General Hospital",
      city: "Taipei",
      country: "Taiwan",
      targetEnrollment: 5,
    });
    await expect(
      createSite(actors.admin, { code: "TW04", name: "x", city: "x", country: "x", targetEnrollment: 0 }),
    ).rejects.toThrow(ConflictError);
    expect((await listSites(actors.admin)).map((s) => s.code)).toEqual(["TW01", "TW02", "TW03", "TW04"]);
  });

  test("a site keeps its time zone (UTC unless given); the schema accepts only IANA zones", async () => {
    const berlin = await createSite(actors.admin, {
      ...SiteSchema.parse({
        code: "DE01",
        name: "Charite Berlin",
        city: "Berlin",
        country: "Germany",
        targetEnrollment: 2,
        timeZone: "Europe/Berlin",
      }),
    });
    const plain = await createSite(actors.admin, {
      code: "DE02",
      name: "Uniklinik Koeln",
      city: "Cologne",
      country: "Germany",
      targetEnrollment: 2,
    });
    expect((await db.prisma.site.findUniqueOrThrow({ where: { id: berlin.id } })).timeZone).toBe("Europe/Berlin");
    expect((await db.prisma.site.findUniqueOrThrow({ where: { id: plain.id } })).timeZone).toBe("UTC");
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: berlin.id, action: "CREATE" } });
    expect(audit.changes).toEqual(expect.arrayContaining([{ field: "timeZone", from: null, to: "Europe/Berlin" }]));
    const wrong = SiteSchema.safeParse({
      code: "DE03",
      name: "Somewhere",
      city: "x",
      country: "x",
      targetEnrollment: 0,
      timeZone: "Berlin",
    });
    expect(wrong.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["timeZone", "Enter an IANA time zone, e.g. Asia/Taipei or Europe/Berlin"],
    ]);
  });
});

describe("the Administrator role is trial-wide (issue 15, finding 3)", () => {
  test("a TW01-only administrator (a leftover from before the rule) can do nothing administrative", async () => {
    const user = await db.prisma.user.create({
      data: { email: "tw01.admin@site.test", name: "TW01 admin", passwordHash: "x" },
    });
    // The database now refuses such a row, so a pre-existing one is recreated around the check.
    await db.prisma.$transaction([
      db.prisma.$executeRawUnsafe(
        `ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_admin_is_trial_wide"`,
      ),
      db.prisma.roleAssignment.create({ data: { userId: user.id, role: "ADMIN", siteId: sites.TW01 } }),
      db.prisma.$executeRawUnsafe(
        `ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_admin_is_trial_wide" CHECK ("role" <> 'ADMIN' OR "site_id" IS NULL) NOT VALID`,
      ),
    ]);
    const siteAdmin = (await loadActor(user.id))!;
    const auditRowsBefore = await db.prisma.auditEvent.count();
    await expect(listUsers(siteAdmin)).rejects.toThrow(ForbiddenError);
    await expect(listSites(siteAdmin)).rejects.toThrow(ForbiddenError);
    await expect(
      createSite(siteAdmin, { code: "TW09", name: "Rogue", city: "X", country: "Y", targetEnrollment: 1 }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      setUserActive(siteAdmin, { userId: actors.investigator2.userId, active: false, reason: "Because" }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      assignRole(siteAdmin, { userId: user.id, assignment: { role: "PRINCIPAL_INVESTIGATOR", siteId: null } }),
    ).rejects.toThrow(ForbiddenError);
    await expect(updateStudySettings(siteAdmin, {} as never)).rejects.toThrow(ForbiddenError);
    expect(await db.prisma.site.count({ where: { code: "TW09" } })).toBe(0);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: actors.investigator2.userId } })).active).toBe(true);
    expect(await db.prisma.roleAssignment.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.prisma.auditEvent.count()).toBe(auditRowsBefore);
  });

  test("an Administrator assignment at a site is refused with a field error, by lib/data and by the database", async () => {
    const { id } = await createUser(actors.admin, {
      email: "future.admin@site.test",
      name: "Future admin",
      temporaryPassword: "a-long-temporary-pass",
      assignment: { role: "MONITOR", siteId: sites.TW01 },
    });
    const error = await assignRole(actors.admin, {
      userId: id,
      assignment: { role: "ADMIN", siteId: sites.TW01 },
    }).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual({
      "assignment.siteId": ["An administrator manages the whole trial: choose All sites"],
    });
    await expect(
      createUser(actors.admin, {
        email: "other.admin@site.test",
        name: "Other",
        temporaryPassword: "a-long-temporary-pass",
        assignment: { role: "ADMIN", siteId: sites.TW02 },
      }),
    ).rejects.toThrow(ValidationError);
    expect(await db.prisma.user.count({ where: { email: "other.admin@site.test" } })).toBe(0);
    await expect(
      db.prisma.roleAssignment.create({ data: { userId: id, role: "ADMIN", siteId: sites.TW01 } }),
    ).rejects.toThrow(/role_assignments_admin_is_trial_wide/);
    // Trial-wide, it works.
    await assignRole(actors.admin, { userId: id, assignment: { role: "ADMIN", siteId: null } });
    expect((await listUsers((await loadActor(id))!)).length).toBeGreaterThan(0);
  });
});

describe("unlocking an account and editing a site (issue 15)", () => {
  test("an administrator lifts a sign-in lockout with a reason, audited; the user signs in again at once", async () => {
    const email = actors.monitor.email;
    for (let i = 0; i < 5; i++) await attemptSignIn({ email, password: `wrong-${i}`, address: null });
    expect(await attemptSignIn({ email, password: DEMO_PASSWORD, address: null })).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect((await listUsers(actors.admin)).find((u) => u.email === email)?.signInLockedUntil).toBeInstanceOf(Date);
    await expect(
      unlockAccount(actors.pi, { userId: actors.monitor.userId, reason: "Called the help desk" }),
    ).rejects.toThrow(ForbiddenError);

    await unlockAccount(actors.admin, {
      userId: actors.monitor.userId,
      reason: "Called the help desk; identity checked",
    });
    expect(await attemptSignIn({ email, password: DEMO_PASSWORD, address: null })).toMatchObject({ ok: true });
    const [event] = await db.prisma.auditEvent.findMany({
      where: { action: "UNLOCK", entityType: "user", entityId: actors.monitor.userId },
    });
    expect(event).toMatchObject({
      actorId: actors.admin.userId,
      reason: "Called the help desk; identity checked",
      changes: [{ field: "signInLockedUntil", to: null }],
    });
    await expect(unlockAccount(actors.admin, { userId: actors.monitor.userId, reason: "Again" })).rejects.toThrow(
      ConflictError,
    );
  });

  test("an edit that leaves the time zone out keeps it; one that changes it is audited", async () => {
    const before = await db.prisma.site.findUniqueOrThrow({ where: { id: sites.TW02 } });
    await db.prisma.site.update({ where: { id: sites.TW02 }, data: { timeZone: "Asia/Taipei" } });
    // Parsed as the edit form's action and the API parse it: no time zone in the body.
    const edit = UpdateSiteSchema.parse({
      siteId: sites.TW02,
      name: `${before.name} (renamed)`,
      city: before.city,
      country: before.country,
      targetEnrollment: before.targetEnrollment,
    });
    await updateSite(actors.admin, edit);
    expect(await db.prisma.site.findUniqueOrThrow({ where: { id: sites.TW02 } })).toMatchObject({
      name: `${before.name} (renamed)`,
      timeZone: "Asia/Taipei",
    });
    await updateSite(actors.admin, UpdateSiteSchema.parse({ ...edit, timeZone: "Europe/Berlin" }));
    expect((await db.prisma.site.findUniqueOrThrow({ where: { id: sites.TW02 } })).timeZone).toBe("Europe/Berlin");
    const events = await db.prisma.auditEvent.findMany({
      where: { action: "UPDATE", entityType: "site", entityId: sites.TW02 },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.changes)).toEqual([
      [{ field: "name", from: before.name, to: `${before.name} (renamed)` }],
      [{ field: "timeZone", from: "Asia/Taipei", to: "Europe/Berlin" }],
    ]);
    expect(UpdateSiteSchema.safeParse({ ...edit, timeZone: "Mars/Olympus" }).success).toBe(false);
  });

  test("an administrator edits a site's details (not its code), audited with the changed fields only", async () => {
    const before = await db.prisma.site.findUniqueOrThrow({ where: { id: sites.TW03 } });
    await expect(
      updateSite(actors.coordinator, {
        siteId: sites.TW03,
        name: "X",
        city: before.city,
        country: before.country,
        targetEnrollment: 1,
      }),
    ).rejects.toThrow(ForbiddenError);
    await updateSite(actors.admin, {
      siteId: sites.TW03,
      name: before.name,
      city: before.city,
      country: before.country,
      targetEnrollment: before.targetEnrollment + 5,
    });
    const after = await db.prisma.site.findUniqueOrThrow({ where: { id: sites.TW03 } });
    expect(after).toMatchObject({
      code: before.code,
      name: before.name,
      targetEnrollment: before.targetEnrollment + 5,
    });
    const [event] = await db.prisma.auditEvent.findMany({
      where: { action: "UPDATE", entityType: "site", entityId: sites.TW03 },
    });
    expect(event!.changes).toEqual([
      { field: "targetEnrollment", from: before.targetEnrollment, to: before.targetEnrollment + 5 },
    ]);
    await expect(
      updateSite(actors.admin, {
        siteId: "00000000-0000-4000-8000-000000000000",
        name: "X",
        city: "Y",
        country: "Z",
        targetEnrollment: 1,
      }),
    ).rejects.toThrow(NotFoundError);
  });
});
