import { describe, expect, test } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { type DemoActorName } from "@/test/integration/demo-actors";
import { getPatientOrThrow, listPatients, listSitesForRegistration, registerPatient } from "./patients";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

describe("registerPatient", () => {
  test("assigns the site's next subject ID and audits the creation in the same transaction", async () => {
    const first = await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-01-05" });
    const second = await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-01-06" });
    expect([first.subjectId, second.subjectId]).toEqual(["TW01-001", "TW01-002"]);
    const audit = await db.prisma.auditEvent.findMany({ where: { entityId: first.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "CREATE",
      entityType: "patient",
      actorEmail: "investigator1@demo.test",
      siteId: sites.TW01,
    });
    expect(audit[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: "subjectId", from: null, to: "TW01-001" },
        { field: "screeningDate", from: null, to: "2026-01-05" },
      ]),
    );
  });

  test("never issues the same subject ID twice under concurrent registration", async () => {
    const created = await Promise.all(
      Array.from({ length: 12 }, () =>
        registerPatient(actors.investigator2, { siteId: sites.TW02, screeningDate: "2026-02-01" }),
      ),
    );
    const ids = created.map((p) => p.subjectId).sort();
    expect(new Set(ids).size).toBe(12);
    expect(ids[0]).toBe("TW02-001");
    expect(ids[11]).toBe("TW02-012");
  });

  test("an investigator cannot register at another site, and learns nothing about it", async () => {
    await expect(
      registerPatient(actors.investigator1, { siteId: sites.TW02, screeningDate: "2026-01-05" }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      registerPatient(actors.coordinator, { siteId: sites.TW02, screeningDate: "2026-01-05" }),
    ).rejects.toThrow(ForbiddenError);
    await expect(registerPatient(actors.admin, { siteId: sites.TW01, screeningDate: "2026-01-05" })).rejects.toThrow(
      NotFoundError,
    );
    expect(await db.prisma.patient.count({ where: { siteId: sites.TW02 } })).toBe(12);
  });

  test("a failed write leaves no audit record and consumes no subject number", async () => {
    const before = await db.prisma.auditEvent.count();
    await expect(
      registerPatient(actors.investigator3, { siteId: sites.TW03, screeningDate: "not-a-date" }),
    ).rejects.toThrow();
    expect(await db.prisma.auditEvent.count()).toBe(before);
    const next = await registerPatient(actors.investigator3, { siteId: sites.TW03, screeningDate: "2026-03-01" });
    expect(next.subjectId).toBe("TW03-001");
  });
});

describe("reading patients: the access matrix of lib/data", () => {
  // Expected visibility of a TW01 patient and a TW02 patient for each role.
  const matrix: [DemoActorName, "own" | "all" | "none", boolean, boolean][] = [
    ["investigator1", "own", true, false],
    ["investigator2", "own", false, true],
    ["investigator3", "own", false, false],
    ["coordinator", "all", true, true],
    ["pi", "all", true, true],
    ["monitor", "all", true, true],
    ["admin", "none", false, false],
  ];

  test.each(matrix)("%s sees %s patients", async (name, scope, seesTw01, seesTw02) => {
    const tw01 = await db.prisma.patient.findFirstOrThrow({ where: { siteId: sites.TW01 } });
    const tw02 = await db.prisma.patient.findFirstOrThrow({ where: { siteId: sites.TW02 } });
    const actor = actors[name];
    for (const [patient, visible] of [
      [tw01, seesTw01],
      [tw02, seesTw02],
    ] as const) {
      if (visible) expect((await getPatientOrThrow(actor, patient.id)).subjectId).toBe(patient.subjectId);
      else await expect(getPatientOrThrow(actor, patient.id)).rejects.toThrow(NotFoundError);
    }
    if (scope === "none") {
      await expect(listPatients(actor, { pageSize: 50 })).rejects.toThrow(ForbiddenError);
      return;
    }
    const listed = (await listPatients(actor, { pageSize: 200 })).data;
    const siteCodes = new Set(listed.map((p) => p.site.code));
    if (scope === "all") expect(siteCodes).toEqual(new Set(["TW01", "TW02", "TW03"]));
    else
      expect(
        [...siteCodes].every(
          (code) => actor.assignments.length === 1 && sites[code as "TW01"] === actor.assignments[0]!.siteId,
        ),
      ).toBe(true);
  });

  test("a missing patient and another site's patient give the same error", async () => {
    const tw02 = await db.prisma.patient.findFirstOrThrow({ where: { siteId: sites.TW02 } });
    const missing = await getPatientOrThrow(actors.investigator1, "00000000-0000-4000-8000-000000000000").then(
      () => new Error("expected a rejection"),
      (e: Error) => e,
    );
    const foreign = await getPatientOrThrow(actors.investigator1, tw02.id).then(
      () => new Error("expected a rejection"),
      (e: Error) => e,
    );
    const malformed = await getPatientOrThrow(actors.investigator1, "1; DROP TABLE patients").then(
      () => new Error("expected a rejection"),
      (e: Error) => e,
    );
    expect([foreign, malformed].map((e) => [e.constructor, e.message])).toEqual([
      [missing.constructor, missing.message],
      [missing.constructor, missing.message],
    ]);
  });

  test("pages through all patients with a cursor and no duplicates", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPatients(actors.coordinator, { pageSize: 5, cursor });
      seen.push(...page.data.map((p) => p.subjectId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await db.prisma.patient.count());
  });

  test("only investigators are offered sites to register at, and only their own", async () => {
    expect((await listSitesForRegistration(actors.investigator2)).map((s) => s.code)).toEqual(["TW02"]);
    expect(await listSitesForRegistration(actors.coordinator)).toEqual([]);
    expect(await listSitesForRegistration(actors.admin)).toEqual([]);
  });
});
