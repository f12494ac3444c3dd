import { beforeAll, describe, expect, test } from "vitest";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { StoppingRulesSchema, type StoppingRulesInput } from "@/lib/schemas/stopping-rules";
import { adverseEvent, createPatient, recordAdverseEvent } from "@/test/integration/toxicity-fixtures";
import { recordLiverTumours } from "@/test/integration/tumour-fixtures";
import { customDesign, stoppingRulesForm, type StoppingRulesForm } from "@/test/fixtures/stopping-rules-data";
import { getStoppingRuleStatus } from "./stopping-rules";
import { getStoppingRules, updateStoppingRules } from "./stopping-rules-settings";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

const rules = (changes: StoppingRulesForm = {}): StoppingRulesInput =>
  StoppingRulesSchema.parse(stoppingRulesForm(changes));

beforeAll(async () => {
  // Four patients enrolled the same day (so in subject order): a confirmed PR, stable disease, never assessed, progression.
  const [responder, stable, notAssessed, progressing] = [
    await createPatient(actors.investigator1, sites.TW01),
    await createPatient(actors.investigator1, sites.TW01),
    await createPatient(actors.investigator1, sites.TW01),
    await createPatient(actors.investigator1, sites.TW01),
  ];
  await recordLiverTumours(actors.investigator1, responder!.id, [
    { visitKey: "week8", date: "2026-03-07", t1: 30, t2: 20 },
    { visitKey: "week16", date: "2026-05-02", t1: 28, t2: 18 },
  ]);
  await recordLiverTumours(actors.investigator1, stable!.id, [
    { visitKey: "week8", date: "2026-03-07", t1: 55, t2: 38 },
  ]);
  await recordLiverTumours(actors.investigator1, progressing!.id, [
    { visitKey: "week8", date: "2026-03-07", t1: 80, t2: 50 },
  ]);
  // One DLT (grade 3, possibly related); a grade 3 unrelated event and a grade 2 related one are not DLTs.
  await recordAdverseEvent(
    actors.investigator1,
    stable!.id,
    adverseEvent({ term: "Fatigue", grade: 3, attribution: { thalidomide: "possible", uft: "unlikely" } }),
  );
  await recordAdverseEvent(
    actors.investigator1,
    progressing!.id,
    adverseEvent({ term: "Fatigue", grade: 3, attribution: { thalidomide: "unrelated", uft: "unlikely" } }),
  );
  await recordAdverseEvent(actors.investigator1, notAssessed!.id, adverseEvent({ term: "Fatigue", grade: 2 }));
}, 120_000);

describe("stopping-rule settings", () => {
  test("every database starts with the trial's rules and the Simon optimal design computed from them", async () => {
    const read = await getStoppingRules(actors.pi);
    expect(read.response).toEqual({ p0: 0.05, p1: 0.2, alpha: 0.05, beta: 0.1, designChoice: "OPTIMAL" });
    expect(read.design).toMatchObject({
      r1: read.computed!.optimal.r1,
      n1: read.computed!.optimal.n1,
      r: read.computed!.optimal.r,
      n: read.computed!.optimal.n,
    });
    expect(read.design.alpha).toBeLessThanOrEqual(0.05);
    expect(read.design.power).toBeGreaterThanOrEqual(0.9);
    expect(read.toxicity).toEqual({ theta: 0.3, threshold: 0.9, priorA: 1, priorB: 1 });
  });

  test("only an administrator edits them; an investigator cannot read them", async () => {
    for (const name of ["investigator1", "coordinator", "pi", "monitor"] as const) {
      await expect(
        updateStoppingRules(actors[name], { settings: rules(), expectedVersion: 1, reason: "Amendment" }),
      ).rejects.toThrow(ForbiddenError);
    }
    await expect(getStoppingRules(actors.investigator1)).rejects.toThrow(ForbiddenError);
  });

  test("rates with no design are refused on the field, and nothing changes", async () => {
    const auditsBefore = await db.prisma.auditEvent.count({ where: { entityType: "stopping-rules" } });
    const attempt = updateStoppingRules(actors.admin, {
      settings: rules({ responseP0: "0.3", responseP1: "0.32" }),
      expectedVersion: 1,
      reason: "Amendment",
    });
    await expect(attempt).rejects.toThrow(ValidationError);
    await attempt.catch((error: ValidationError) =>
      expect(Object.keys(error.fieldErrors)).toEqual(["settings.responseBeta"]),
    );
    expect(await db.prisma.auditEvent.count({ where: { entityType: "stopping-rules" } })).toBe(auditsBefore);
    expect((await getStoppingRules(actors.admin)).version).toBe(1);
  });

  test("a custom design with impossible boundaries gets field errors from the shared schema", () => {
    const parsed = StoppingRulesSchema.safeParse({
      ...rules(),
      ...customDesign(3, 2, 9, 6),
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["customR1", "customR"]));
  });
});

describe("getStoppingRuleStatus on a small trial", () => {
  test("with the default design: evaluable patients, responders and DLTs against the boundary", async () => {
    const status = await getStoppingRuleStatus(actors.pi);
    expect(status.enrolled).toBe(4);
    // Never assessed: NE, not evaluable. The confirmed PR is the one responder.
    // The default optimal design stops after stage 1 with r1 = 1 or fewer of n1 = 21: 1 of 3 so far, still accruing stage 1.
    expect(status.rules.design).toMatchObject({ r1: 1, n1: 21 });
    expect(status.response).toMatchObject({
      evaluable: 3,
      stage1: { evaluated: 3, responders: 1, passed: false, complete: false },
      status: "stage-1",
    });
    expect(status.toxicity).toMatchObject({ patients: 4, toxicities: 1, crossed: false });
    // Beta(1 + 1, 1 + 3) posterior: P(p > 0.3) = P(Bin(5, 0.3) <= 1) = 0.7^5 + 5 (0.3) 0.7^4.
    expect(status.toxicity.probability).toBeCloseTo(0.7 ** 5 + 5 * 0.3 * 0.7 ** 4, 10);
    expect(status.alerts).toEqual([]);
  });

  test("a protocol's own design and a stricter toxicity rule: both boundaries crossed, audited, and the alerts say why", async () => {
    await expect(getStoppingRuleStatus(actors.investigator1)).rejects.toThrow(ForbiddenError);
    const updated = await updateStoppingRules(actors.admin, {
      settings: rules({
        ...customDesign(1, 3, 2, 6),
        toxicityTheta: "0.1",
        toxicityThreshold: "0.8",
      }),
      expectedVersion: 1,
      reason: "Protocol amendment 3",
    });
    expect(updated).toMatchObject({ version: 2, design: { r1: 1, n1: 3, r: 2, n: 6 } });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { entityType: "stopping-rules" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ action: "UPDATE", reason: "Protocol amendment 3" });
    expect(audit.changes).toEqual(
      expect.arrayContaining([
        { field: "designChoice", from: "OPTIMAL", to: "CUSTOM" },
        { field: "customN1", from: null, to: 3 },
        { field: "toxicityTheta", from: 0.3, to: 0.1 },
      ]),
    );

    await expect(
      updateStoppingRules(actors.admin, { settings: rules(), expectedVersion: 1, reason: "Stale edit" }),
    ).rejects.toThrow(ConflictError);

    const status = await getStoppingRuleStatus(actors.pi);
    expect(status.response.status).toBe("stop-futility-stage-1");
    // P(p > 0.1 | Beta(2, 4)) = P(Bin(5, 0.1) <= 1) = 0.9^5 + 5 (0.1) 0.9^4 = 0.919 > 0.8.
    expect(status.toxicity).toMatchObject({ crossed: true, stopAt: 1 });
    // The protocol's boundary table reaches the design's n = 6 (more than the 4 enrolled).
    expect(status.toxicity.boundaryTable.map((row) => row.patients)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(status.toxicity.boundaryTable[3]).toEqual({ patients: 4, stopAt: 1 });
    expect(status.toxicity.probability).toBeCloseTo(0.9 ** 5 + 5 * 0.1 * 0.9 ** 4, 10);
    expect(status.alerts).toHaveLength(2);
    expect(status.alerts[0]).toMatch(/1 responder in the first 3 evaluable patients, at most r1 = 1 of n1 = 3/);
    expect(status.alerts[1]).toMatch(/1 of 4 patients with a DLT/);
  });
});
