import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import {
  adverseEvent,
  createPatient,
  createSiteUser,
  recordAdverseEvent,
  recordLabs,
  serious,
} from "@/test/integration/toxicity-fixtures";
import { openDataQuery, replyToDataQuery } from "./data-queries";
import { getDataQuality } from "./data-quality";
import { recordToxicityReview } from "./toxicity-review";
import { getMyWork } from "./work-lists";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors } = withDemoDatabase();

const TODAY = "2026-02-10";
const listOf = async (actor: Actor, kind: string) => (await getMyWork(actor, TODAY)).lists.find((l) => l.kind === kind);

describe("home work-lists on PostgreSQL", () => {
  test("each role's counts equal the data-quality page's numbers, within the caller's sites", async () => {
    const site = await createSiteUser(db.prisma, "TX08", "INVESTIGATOR");
    const other = await createSiteUser(db.prisma, "TX09", "INVESTIGATOR");
    const monitorHere = (await createSiteUser(db.prisma, "TX08", "MONITOR", site.siteId)).actor;
    const patient = await createPatient(site.actor, site.siteId); // enrolled 2026-01-10, eligibility complete
    await createPatient(other.actor, other.siteId);
    await recordLabs(site.actor, patient.id, "day1", "2026-01-10", { platelets: { value: 200 } });
    const eligibility = (
      await db.prisma.crfRecord.findFirstOrThrow({ where: { patientId: patient.id, formType: "eligibility" } })
    ).id;
    const query = await openDataQuery(monitorHere, {
      patientId: patient.id,
      recordId: eligibility,
      fieldPath: "consentDate",
      text: "Please check the date",
    });

    const quality = (await getDataQuality(actors.coordinator, TODAY)).sites.find((s) => s.siteCode === "TX08")!;
    // The investigator of TX08 sees TX08 only, with the page's numbers for TX08.
    const overdue = await listOf(site.actor, "overdue");
    expect(overdue!.count).toBe(quality.overdueForms.count);
    expect(overdue!.bySite).toEqual({ TX08: quality.overdueForms.count });
    expect((await listOf(site.actor, "to-sign"))!.count).toBe(quality.unsignedForms.count);
    const toAnswer = await listOf(site.actor, "query-to-answer");
    expect(toAnswer!.items).toEqual([
      expect.objectContaining({
        fieldPath: "consentDate",
        href: `/patients/${patient.id}/forms/eligibility?record=${eligibility}&field=consentDate`,
      }),
    ]);
    // Monitor of TX08: open queries and forms to verify, equal to the page for the monitor.
    const monitorQuality = (await getDataQuality(monitorHere, TODAY)).sites[0]!;
    expect((await listOf(monitorHere, "open-query"))!.count).toBe(monitorQuality.openQueries.count);
    expect((await listOf(monitorHere, "to-verify"))!.count).toBe(quality.unsignedForms.count); // none verified, none signed
    // The coordinator (all sites): every site's overdue count as the page has it.
    const coordinator = await getMyWork(actors.coordinator, TODAY);
    expect(coordinator.lists.find((l) => l.kind === "overdue")).toBeUndefined(); // enters no data: overdue per site instead
    expect(coordinator.overdueBySite!.find((s) => s.siteCode === "TX08")!.count).toBe(quality.overdueForms.count);
    expect(quality.overdueForms.count).toBeGreaterThan(0);
    const coordinatorQueries = await listOf(actors.coordinator, "open-query");
    const allQuality = await getDataQuality(actors.coordinator, TODAY);
    for (const s of allQuality.sites) expect(coordinatorQueries?.bySite[s.siteCode] ?? 0).toBe(s.openQueries.count);

    // The work leaves the list once done: the site answers, the monitor then has it to close.
    await replyToDataQuery(site.actor, "answer", {
      patientId: patient.id,
      queryId: query.id,
      text: "Checked against the consent form",
    });
    expect(await listOf(site.actor, "query-to-answer")).toBeUndefined();
    expect((await listOf(monitorHere, "query-to-close"))!.items.map((i) => i.patientId)).toEqual([patient.id]);
    expect(await listOf(actors.monitor, "query-to-close")).toBeUndefined(); // not the opener

    // An administrator sees accounts, not patients.
    const admin = await getMyWork(actors.admin, TODAY);
    expect(admin.lists).toEqual([]);
    expect(admin.accounts).not.toBeNull();
  });

  test("an investigator's safety work: grade 3+ labs without an AE, SAE clocks running; each leaves once done", async () => {
    const site = await createSiteUser(db.prisma, "TX14", "INVESTIGATOR");
    const patient = await createPatient(site.actor, site.siteId);
    await recordLabs(site.actor, patient.id, "day1", "2026-01-10", { platelets: { value: 200 } });
    await recordLabs(site.actor, patient.id, "week4", "2026-02-07", { platelets: { value: 20 } }); // grade 4
    const labsWork = async () =>
      (await getMyWork(site.actor, TODAY, new Date("2026-02-04T00:00:00Z"))).lists.find(
        (l) => l.kind === "lab-without-ae",
      );
    const [item] = (await labsWork())!.items;
    expect(item).toMatchObject({ patientId: patient.id, date: "2026-02-07" });
    expect(item!.href).toContain("forms/adverse-event?term=Platelet+count+decreased&grade=4");
    await recordAdverseEvent(
      site.actor,
      patient.id,
      adverseEvent({ term: "Platelet count decreased", grade: 4, onsetDate: "2026-02-03", ...serious() }),
    );
    expect(await labsWork()).toBeUndefined();
    // The SAE (aware 2026-02-04 09:15, due 24 hours later) is running at the time given, not yet reported.
    const clocks = (await getMyWork(site.actor, TODAY, new Date("2026-02-04T00:00:00Z"))).lists.find(
      (l) => l.kind === "sae-clock",
    );
    expect(clocks!.items.map((i) => i.patientId)).toEqual([patient.id]);
    expect(
      (await getMyWork(actors.investigator1, TODAY)).lists
        .find((l) => l.kind === "lab-without-ae")
        ?.items.some((i) => i.patientId === patient.id) ?? false,
    ).toBe(false);
  });

  test("the PI's escalated events are linked by name and leave once the PI has settled them", async () => {
    const site = await createSiteUser(db.prisma, "TX15", "INVESTIGATOR");
    const patient = await createPatient(site.actor, site.siteId);
    const event = await recordAdverseEvent(site.actor, patient.id, adverseEvent({ term: "Diarrhea", grade: 3 }));
    const review = { patientId: patient.id, recordId: event.id, itemKey: "event", recordVersion: event.version };
    const escalated = async () => (await getMyWork(actors.pi, TODAY)).toxicity!;
    const before = await escalated();
    expect(before.escalatedItems.some((i) => i.recordId === event.id)).toBe(false);

    await recordToxicityReview(actors.coordinator, {
      ...review,
      decision: "ESCALATED",
      comment: "Grade 3: PI to decide",
    });
    const after = await escalated();
    expect(after.escalated).toBe(before.escalated + 1);
    expect(after.escalatedItems).toContainEqual({
      recordId: event.id,
      itemKey: "event",
      subjectId: patient.subjectId,
      label: expect.stringContaining("Diarrhea"),
    });

    await recordToxicityReview(actors.pi, {
      ...review,
      decision: "REVIEWED",
      comment: "Seen: continue at a reduced dose",
    });
    const settled = await escalated();
    expect(settled.escalated).toBe(before.escalated);
    expect(settled.escalatedItems.some((i) => i.recordId === event.id)).toBe(false);
  });
});
