import { describe, expect, test } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { QueryInboxFilterSchema } from "@/lib/schemas/work-filters";
import { createPatient, createSiteUser, recordLabs } from "@/test/integration/toxicity-fixtures";
import { openDataQuery, replyToDataQuery } from "./data-queries";
import { listQueryInbox } from "./query-inbox";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors } = withDemoDatabase();

const filter = (values: Record<string, string> = {}) => QueryInboxFilterSchema.parse(values);

describe("query inbox", () => {
  test("every query in the caller's sites, filtered by status, site, form and age, linked to the field", async () => {
    const a = await createSiteUser(db.prisma, "TX10", "INVESTIGATOR");
    const b = await createSiteUser(db.prisma, "TX11", "INVESTIGATOR");
    const pa = await createPatient(a.actor, a.siteId);
    const pb = await createPatient(b.actor, b.siteId);
    const labs = await recordLabs(a.actor, pa.id, "day1", "2026-01-10", { platelets: { value: 200 } });
    const eligibilityOf = async (patientId: string) =>
      (await db.prisma.crfRecord.findFirstOrThrow({ where: { patientId, formType: "eligibility" } })).id;
    const qa = await openDataQuery(actors.coordinator, {
      patientId: pa.id,
      recordId: await eligibilityOf(pa.id),
      fieldPath: "consentDate",
      text: "Check the consent date",
    });
    await openDataQuery(actors.coordinator, {
      patientId: pa.id,
      recordId: labs.id,
      fieldPath: "sampleDate",
      text: "Sample date?",
    });
    await openDataQuery(actors.coordinator, {
      patientId: pb.id,
      recordId: await eligibilityOf(pb.id),
      fieldPath: "consentDate",
      text: "Other site",
    });
    // One query opened 10 days ago.
    await db.prisma.dataQuery.update({
      where: { id: qa.id },
      data: { openedAt: new Date(Date.now() - 10 * 86_400_000) },
    });
    await replyToDataQuery(a.actor, "answer", { patientId: pa.id, queryId: qa.id, text: "Corrected" });

    const mine = await listQueryInbox(a.actor, filter());
    expect(mine.total).toBe(2); // the other site's query is not in scope
    expect(mine.rows.map((r) => r.subjectId)).toEqual([pa.subjectId, pa.subjectId]);
    expect(mine.rows[0]).toMatchObject({
      id: qa.id,
      status: "ANSWERED",
      fieldLabel: expect.not.stringMatching(/^consentDate$/),
      lastMessage: "Corrected",
      ageDays: 10,
    });
    expect(mine.rows[0]!.href).toMatch(
      new RegExp(`^/patients/${pa.id}/forms/eligibility\\?record=[0-9a-f-]+&field=consentDate$`),
    );

    expect((await listQueryInbox(a.actor, filter({ status: "OPEN" }))).rows.map((r) => r.fieldPath)).toEqual([
      "sampleDate",
    ]);
    expect((await listQueryInbox(a.actor, filter({ form: "labs" }))).total).toBe(1);
    expect((await listQueryInbox(a.actor, filter({ olderThan: "7" }))).rows.map((r) => r.id)).toEqual([qa.id]);
    expect((await listQueryInbox(a.actor, filter({ site: b.siteId }))).total).toBe(0); // a site outside the scope shows nothing
    const coordinator = await listQueryInbox(actors.coordinator, filter({ site: b.siteId }));
    expect(coordinator.rows.map((r) => r.siteCode)).toEqual(["TX11"]);
    expect((await listQueryInbox(actors.coordinator, filter({ status: "bogus", page: "x" }))).page).toBe(1);
    await expect(listQueryInbox(actors.admin, filter())).rejects.toBeInstanceOf(ForbiddenError);
  });
});
