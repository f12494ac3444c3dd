import { beforeAll, describe, expect, test } from "vitest";
import { StoppingRulesSchema } from "@/lib/schemas/stopping-rules";
import { adverseEvent, createPatient, recordAdverseEvent } from "@/test/integration/toxicity-fixtures";
import { recordLiverTumours } from "@/test/integration/tumour-fixtures";
import { customDesign, stoppingRulesForm } from "@/test/fixtures/stopping-rules-data";
import { saveCrfRecord } from "./crf-records";
import { runScheduledAlerts } from "./scheduled-alerts";
import { getStoppingRuleStatus } from "./stopping-rules";
import { getStoppingRules, updateStoppingRules } from "./stopping-rules-settings";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

/** A protocol design small enough to cross in a test: stage 1 stops when 0 of the first 2 evaluable patients respond. */
const TEST_RULES = stoppingRulesForm(customDesign(0, 2, 1, 4));

const { db, actors, sites } = withDemoDatabase({ openTimeoutMs: 120_000 });

beforeAll(async () => {
  const current = await getStoppingRules(actors.admin);
  await updateStoppingRules(actors.admin, {
    expectedVersion: current.version,
    reason: "Test design",
    settings: StoppingRulesSchema.parse(TEST_RULES),
  });
});

const boundaryMail = () =>
  db.prisma.mailOutbox.findMany({ where: { kind: "STOPPING_BOUNDARY" }, orderBy: { id: "asc" } });
/** One round of the scheduled alerts (every 5 minutes under npm start): how many boundary emails it queued. */
const scheduledRound = async () => (await runScheduledAlerts(new Date("2026-03-01T08:00:00Z"))).stoppingBoundaries;
const related = (grade: number) =>
  adverseEvent({
    term: "Neutrophil count decreased",
    grade,
    attribution: { thalidomide: "possible", uft: "probable" },
  });

/** Stable disease at week 8 (target lesions 60 + 40 mm -> 55 + 38 mm): evaluable, not a responder. */
const recordStableDisease = (patientId: string) =>
  recordLiverTumours(actors.investigator1, patientId, [{ visitKey: "week8", date: "2026-03-07", t1: 55, t2: 38 }]);

describe("a crossed stopping boundary emails the PI once, from the scheduled alerts (not the save)", () => {
  test("toxicity: the round after the DLT that crosses the Bayesian boundary queues one email; later DLTs and rounds beyond it none", async () => {
    const [first, second] = [
      await createPatient(actors.investigator1, sites.TW01),
      await createPatient(actors.investigator2, sites.TW02),
    ];
    // 1 DLT in 2 patients: P(rate > 0.3 | Beta(2, 2)) = 0.784, under c = 0.9.
    await recordAdverseEvent(actors.investigator1, first!.id, related(3));
    expect(await scheduledRound()).toBe(0);
    expect((await getStoppingRuleStatus(actors.pi)).toxicity.crossed).toBe(false);

    // 2 DLTs in 2 patients: P(rate > 0.3 | Beta(3, 1)) = 1 - 0.3^3 = 0.973 > 0.9.
    const crossing = await recordAdverseEvent(actors.investigator2, second!.id, related(3));
    const status = await getStoppingRuleStatus(actors.pi);
    expect(status.toxicity).toMatchObject({ toxicities: 2, patients: 2, crossed: true });
    expect(status.toxicity.probability).toBeCloseTo(1 - 0.3 ** 3, 10);
    // The save itself reads no cohort and queues nothing: the next scheduled round does.
    expect(await boundaryMail()).toHaveLength(0);
    expect(await scheduledRound()).toBe(1);
    const [mail] = await boundaryMail();
    expect(await boundaryMail()).toHaveLength(1);
    expect(mail).toMatchObject({
      recipients: ["pi@demo.test"],
      status: "PENDING",
      subject: "Stopping boundary crossed: toxicity",
      dedupeKey: "stopping-boundary:toxicity:beta-binomial theta=0.3 c=0.9 prior=1,1",
    });
    expect(mail!.body).toContain(
      "Toxicity: 2 of 2 patients with a DLT; P(DLT rate > 0.3) = 0.973 > 0.9: stop enrolment.",
    );

    // Still beyond the boundary: another DLT, an edit of the crossing event and further rounds alert nobody again.
    await recordAdverseEvent(actors.investigator1, first!.id, related(4));
    await saveCrfRecord(actors.investigator2, {
      patientId: second!.id,
      formType: "adverse-event",
      visitKey: null,
      recordId: crossing.id,
      expectedVersion: crossing.version,
      reason: "Grade corrected",
      data: related(4),
    });
    expect(await scheduledRound()).toBe(0);
    expect(await scheduledRound()).toBe(0);
    expect(await boundaryMail()).toHaveLength(1);
  });

  test("response: the round after the second evaluable non-responder of stage 1 (r1 = 0 of n1 = 2) queues one futility email; a later assessment none", async () => {
    const before = (await boundaryMail()).length;
    const [a, b, c] = [
      await createPatient(actors.investigator1, sites.TW01),
      await createPatient(actors.investigator1, sites.TW01),
      await createPatient(actors.investigator1, sites.TW01),
    ];
    // The toxicity patients above have no tumour assessment (not evaluable): the first two evaluable are a and b.
    await recordStableDisease(a!.id);
    expect(await scheduledRound()).toBe(0);
    await recordStableDisease(b!.id);
    expect(await boundaryMail()).toHaveLength(before);
    expect(await scheduledRound()).toBe(1);
    const futility = (await boundaryMail()).filter((m) =>
      m.dedupeKey?.startsWith("stopping-boundary:futility-stage-1"),
    );
    expect(futility).toHaveLength(1);
    expect(futility[0]).toMatchObject({
      subject: "Stopping boundary crossed: futility",
      recipients: ["pi@demo.test"],
      dedupeKey: "stopping-boundary:futility-stage-1:simon 0/2 1/4",
    });
    expect(futility[0]!.body).toContain(
      "Futility: 0 responders in the first 2 evaluable patients, at most r1 = 0 of n1 = 2: stop after stage 1.",
    );
    expect((await getStoppingRuleStatus(actors.pi)).response.status).toBe("stop-futility-stage-1");
    await recordStableDisease(c!.id);
    expect(await scheduledRound()).toBe(0);
    expect(
      (await boundaryMail()).filter((m) => m.dedupeKey?.startsWith("stopping-boundary:futility-stage-1")),
    ).toHaveLength(1);
  });

  test("a stricter toxicity rule that the trial already stands beyond alerts once at the next round, with no save", async () => {
    const before = (await boundaryMail()).length;
    const current = await getStoppingRules(actors.admin);
    await updateStoppingRules(actors.admin, {
      expectedVersion: current.version,
      reason: "Protocol amendment: stricter toxicity rule",
      settings: StoppingRulesSchema.parse({ ...TEST_RULES, toxicityTheta: "0.1" }),
    });
    // 2 of 5 patients with a DLT: P(rate > 0.1 | Beta(3, 4)) = P(Bin(6, 0.1) <= 2) = 0.984 > 0.9.
    const status = await getStoppingRuleStatus(actors.pi);
    expect(status.toxicity).toMatchObject({ toxicities: 2, patients: 5, crossed: true });
    expect(status.toxicity.probability).toBeCloseTo(0.9 ** 6 + 6 * 0.1 * 0.9 ** 5 + 15 * 0.01 * 0.9 ** 4, 10);
    expect(await scheduledRound()).toBe(1);
    expect(await scheduledRound()).toBe(0);
    const added = (await boundaryMail()).slice(before);
    expect(added.map((m) => m.dedupeKey)).toEqual([
      "stopping-boundary:toxicity:beta-binomial theta=0.1 c=0.9 prior=1,1",
    ]);
  });
});
