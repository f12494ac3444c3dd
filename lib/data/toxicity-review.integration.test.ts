import { beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { ToxicityReviewSchema } from "@/lib/schemas/toxicity";
import {
  adverseEvent,
  correctAdverseEvent,
  createPatient,
  createSiteUser,
  recordAdverseEvent,
  recordLabs,
  serious,
} from "@/test/integration/toxicity-fixtures";
import { listToxicityReviewQueue, recordToxicityReview, type ReviewQueueItem } from "./toxicity-review";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors } = withDemoDatabase();
let site: { tx08: { siteId: string; actor: Actor }; tx09: { siteId: string; actor: Actor } };
let tx09Coordinator: Actor;

beforeAll(async () => {
  site = {
    tx08: await createSiteUser(db.prisma, "TX08", "INVESTIGATOR"),
    tx09: await createSiteUser(db.prisma, "TX09", "INVESTIGATOR"),
  };
  tx09Coordinator = (await createSiteUser(db.prisma, "TX09", "COORDINATOR", site.tx09.siteId)).actor;
});

const itemOf = async (actor: Actor, recordId: string, itemKey = "event") =>
  (await listToxicityReviewQueue(actor, {})).find((i) => i.recordId === recordId && i.itemKey === itemKey);
const decide = (
  actor: Actor,
  item: Pick<ReviewQueueItem, "patientId" | "recordId" | "itemKey" | "recordVersion">,
  decision: "REVIEWED" | "ESCALATED",
  comment = "Checked against source",
) =>
  recordToxicityReview(actor, {
    patientId: item.patientId,
    recordId: item.recordId,
    itemKey: item.itemKey,
    recordVersion: item.recordVersion,
    decision,
    comment,
  });
const counts = async () => ({
  reviews: await db.prisma.toxicityReview.count(),
  audit: await db.prisma.auditEvent.count(),
});

describe("toxicity review queue", () => {
  test("holds grade 3+ events, SAEs of any grade and grade 3+ lab results, each new", async () => {
    const patient = await createPatient(site.tx08.actor, site.tx08.siteId);
    const g3 = await recordAdverseEvent(site.tx08.actor, patient.id, adverseEvent({ grade: 3 }));
    const saeG1 = await recordAdverseEvent(
      site.tx08.actor,
      patient.id,
      adverseEvent({ term: "Nausea", grade: 1, ...serious() }),
    );
    const g2 = await recordAdverseEvent(site.tx08.actor, patient.id, adverseEvent({ grade: 2 }));
    const labs = await recordLabs(site.tx08.actor, patient.id, "week4", "2026-02-07", {
      platelets: { value: 40 },
      ast: { value: 50 },
    });
    const queue = (await listToxicityReviewQueue(actors.coordinator, {})).filter((i) => i.patientId === patient.id);
    expect(queue.map((i) => [i.recordId, i.itemKey, i.grade, i.serious, i.state.state]).sort()).toEqual(
      [
        [g3.id, "event", 3, false, "needs-review"],
        [saeG1.id, "event", 1, true, "needs-review"],
        [labs.id, "lab:platelets", 3, false, "needs-review"], // AST 50 U/L is grade 1: not queued
      ].sort(),
    );
    expect(queue.some((i) => i.recordId === g2.id)).toBe(false);
  });

  test("review, escalation to the PI, and an upgrade that brings the event back", async () => {
    const patient = await createPatient(site.tx08.actor, site.tx08.siteId);
    const saved = await recordAdverseEvent(site.tx08.actor, patient.id, adverseEvent({ term: "Diarrhea", grade: 3 }));
    await decide(
      actors.coordinator,
      (await itemOf(actors.coordinator, saved.id))!,
      "REVIEWED",
      "Expected toxicity, dose held",
    );
    expect(await itemOf(actors.coordinator, saved.id)).toMatchObject({
      state: { state: "reviewed", editedSinceReview: false },
      lastReview: { decision: "REVIEWED", comment: "Expected toxicity, dose held", grade: 3, serious: false },
    });
    const stored = await db.prisma.toxicityReview.findFirstOrThrow({ where: { recordId: saved.id } });
    expect(stored).toMatchObject({
      recordVersion: 1,
      grade: 3,
      serious: false,
      decision: "REVIEWED",
      itemKey: "event",
      reviewedById: actors.coordinator.userId,
    });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: saved.id, action: "TOXICITY_REVIEW" },
    });
    expect(audit).toMatchObject({
      reason: "Expected toxicity, dose held",
      entityType: "form:adverse-event",
      patientId: patient.id,
      siteId: site.tx08.siteId,
      actorEmail: "coordinator@demo.test",
    });
    expect(audit.changes).toEqual([{ field: "toxicityReview.event", from: null, to: "REVIEWED (grade 3, version 1)" }]);
    await expect(
      decide(actors.coordinator, (await itemOf(actors.coordinator, saved.id))!, "REVIEWED"),
    ).rejects.toBeInstanceOf(ConflictError);

    // An edit that does not upgrade keeps the review; an upgrade puts it back in the queue.
    const edited = await correctAdverseEvent(
      site.tx08.actor,
      patient.id,
      saved,
      adverseEvent({ term: "Diarrhea", grade: 3, outcome: "recovering" }),
    );
    expect((await itemOf(actors.coordinator, saved.id))!.state).toEqual({ state: "reviewed", editedSinceReview: true });
    const upgraded = await correctAdverseEvent(
      site.tx08.actor,
      patient.id,
      edited,
      adverseEvent({ term: "Diarrhea", grade: 4 }),
    );
    expect((await itemOf(actors.coordinator, saved.id))!.state).toEqual({
      state: "needs-review",
      reason: "upgraded",
      explanation: "Upgraded from grade 3 to grade 4 after review",
    });

    // Escalated: the PI sees it as escalated and settles it.
    await decide(
      actors.coordinator,
      (await itemOf(actors.coordinator, saved.id))!,
      "ESCALATED",
      "Grade 4: PI to assess causality",
    );
    expect(await itemOf(actors.pi, saved.id)).toMatchObject({
      recordVersion: upgraded.version,
      state: { state: "escalated" },
      lastReview: { decision: "ESCALATED", grade: 4 },
    });
    await decide(actors.pi, (await itemOf(actors.pi, saved.id))!, "REVIEWED", "Seen; continue at reduced dose");
    expect((await itemOf(actors.coordinator, saved.id))!.state.state).toBe("reviewed");

    // Becoming serious after review brings it back too.
    await correctAdverseEvent(
      site.tx08.actor,
      patient.id,
      upgraded,
      adverseEvent({ term: "Diarrhea", grade: 4, ...serious() }),
    );
    expect((await itemOf(actors.coordinator, saved.id))!.state).toMatchObject({
      state: "needs-review",
      reason: "became-serious",
    });
  });

  test("lab results are reviewed one by one", async () => {
    const patient = await createPatient(site.tx08.actor, site.tx08.siteId);
    const labs = await recordLabs(site.tx08.actor, patient.id, "week4", "2026-02-07", {
      platelets: { value: 40 },
      neutrophils: { value: 0.4 },
    });
    const items = (await listToxicityReviewQueue(actors.coordinator, {})).filter((i) => i.recordId === labs.id);
    expect(items.map((i) => i.itemKey).sort()).toEqual(["lab:neutrophils", "lab:platelets"]);
    await decide(
      actors.coordinator,
      items.find((i) => i.itemKey === "lab:platelets")!,
      "REVIEWED",
    );
    expect((await itemOf(actors.coordinator, labs.id, "lab:platelets"))!.state.state).toBe("reviewed");
    expect((await itemOf(actors.coordinator, labs.id, "lab:neutrophils"))!.state.state).toBe("needs-review");
  });

  test("sites bound the queue and the decisions; other roles may not decide", async () => {
    const patient = await createPatient(site.tx08.actor, site.tx08.siteId);
    const saved = await recordAdverseEvent(site.tx08.actor, patient.id, adverseEvent({ grade: 3 }));
    const item = (await itemOf(actors.coordinator, saved.id))!;
    expect(await itemOf(tx09Coordinator, saved.id)).toBeUndefined();
    const before = await counts();
    await expect(decide(tx09Coordinator, item, "REVIEWED")).rejects.toBeInstanceOf(NotFoundError);
    await expect(decide(site.tx09.actor, item, "REVIEWED")).rejects.toBeInstanceOf(NotFoundError);
    await expect(decide(site.tx08.actor, item, "REVIEWED")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decide(actors.monitor, item, "REVIEWED")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decide(actors.admin, item, "REVIEWED")).rejects.toBeInstanceOf(NotFoundError);
    for (const name of ["investigator1", "monitor", "admin"] as const)
      await expect(listToxicityReviewQueue(actors[name], {})).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
  });

  test("invalid or stale input changes nothing", async () => {
    const patient = await createPatient(site.tx08.actor, site.tx08.siteId);
    const saved = await recordAdverseEvent(site.tx08.actor, patient.id, adverseEvent({ grade: 3 }));
    const item = (await itemOf(actors.coordinator, saved.id))!;
    const before = await counts();
    const parsed = ToxicityReviewSchema.safeParse({ ...item, decision: "IGNORED", comment: " x " });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["decision", "Choose reviewed or escalate to the PI"],
      ["comment", "Write a comment of at least 3 characters"],
    ]);
    await expect(decide(actors.coordinator, { ...item, recordVersion: 2 }, "REVIEWED")).rejects.toThrow(
      "The record changed after you opened it",
    );
    await expect(decide(actors.coordinator, { ...item, itemKey: "lab:platelets" }, "REVIEWED")).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      decide(actors.coordinator, { ...item, recordId: "00000000-0000-4000-8000-000000000000" }, "REVIEWED"),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts()).toEqual(before);
    expect((await itemOf(actors.coordinator, saved.id))!.state.state).toBe("needs-review");
  });
});
