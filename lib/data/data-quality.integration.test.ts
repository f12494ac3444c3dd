import { describe, expect, test } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { createPatient, createSiteUser, recordLabs } from "@/test/integration/toxicity-fixtures";
import { openDataQuery } from "./data-queries";
import { getDataQuality } from "./data-quality";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors } = withDemoDatabase();

describe("data quality dashboard", () => {
  test("counts per site with their patients, within the caller's sites", async () => {
    const site = await createSiteUser(db.prisma, "TX07", "INVESTIGATOR");
    const monitorHere = (await createSiteUser(db.prisma, "TX07", "MONITOR", site.siteId)).actor;
    const patient = await createPatient(site.actor, site.siteId); // enrolled 2026-01-10, eligibility complete
    await recordLabs(site.actor, patient.id, "day1", "2026-01-10", { platelets: { value: 200 } });
    // Week-4 AST with no pre-treatment AST (day 1 had platelets only): graded as if normal, and listed.
    await recordLabs(site.actor, patient.id, "week4", "2026-02-07", { ast: { value: 120 } });
    const eligibility = (
      await db.prisma.crfRecord.findFirstOrThrow({ where: { patientId: patient.id, formType: "eligibility" } })
    ).id;
    await openDataQuery(actors.coordinator, {
      patientId: patient.id,
      recordId: eligibility,
      fieldPath: "consentDate",
      text: "Please check the date",
    });

    // 2026-02-10: day 1 dosing overdue (window ended 01-17); week 4 dosing still in its window.
    const view = await getDataQuality(actors.coordinator, "2026-02-10");
    const tx07 = view.sites.find((s) => s.siteCode === "TX07")!;
    const only = (count: number) => ({ count, patients: [{ id: patient.id, subjectId: patient.subjectId, count }] });
    expect(tx07).toMatchObject({
      siteName: "Test site TX07",
      overdueForms: only(1),
      missingForms: only(1), // week-4 dosing
      openQueries: only(1),
      unsignedForms: only(3), // eligibility and both labs, complete and unsigned
      missingBaselineLabs: only(1),
    });

    const mine = await getDataQuality(monitorHere, "2026-02-10");
    expect(mine.sites.map((s) => s.siteCode)).toEqual(["TX07"]);
    for (const name of ["investigator1", "admin"] as const)
      await expect(getDataQuality(actors[name])).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getDataQuality(actors.pi, "2026-02-10")).sites.some((s) => s.siteCode === "TX07")).toBe(true);
  });
});
