import { beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { matchesAdverseEventFilters, type ToxicityFilters } from "@/lib/domain/toxicity/toxicity-filters";
import { ForbiddenError } from "@/lib/errors";
import {
  adverseEvent,
  createPatient,
  createSiteUser,
  recordAdverseEvent,
  recordLabs,
  serious,
} from "@/test/integration/toxicity-fixtures";
import { ToxicityAnalysisResponseSchema } from "@/lib/schemas/toxicity";
import { getToxicityDashboard } from "./toxicity";
import { getToxicityAnalysis } from "./toxicity-analysis";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors } = withDemoDatabase();
let siteCoordinator: Actor;
const ids: Record<string, string> = {};

/**
 * Two sites of this file's own: TX08 with patients A and B enrolled on 2026-01-10 and C
 * not enrolled; TX09 with patient D. All data entered through saveCrfRecord.
 */
beforeAll(async () => {
  const tx08 = await createSiteUser(db.prisma, "TX08", "INVESTIGATOR");
  const tx09 = await createSiteUser(db.prisma, "TX09", "INVESTIGATOR");
  siteCoordinator = (await createSiteUser(db.prisma, "TX08", "COORDINATOR", tx08.siteId)).actor;
  const [a, b, c, d] = await Promise.all([
    createPatient(tx08.actor, tx08.siteId),
    createPatient(tx08.actor, tx08.siteId),
    createPatient(tx08.actor, tx08.siteId, { enrolled: false }),
    createPatient(tx09.actor, tx09.siteId),
  ]);
  Object.assign(ids, { a: a!.id, b: b!.id, c: c!.id, d: d!.id });
  const record = async (actor: Actor, patientId: string, name: string, data: Parameters<typeof adverseEvent>[0]) => {
    ids[name] = (await recordAdverseEvent(actor, patientId, adverseEvent(data))).id;
  };
  await record(tx08.actor, a!.id, "aFatigue1", { grade: 1, onsetDate: "2026-02-03" });
  await record(tx08.actor, a!.id, "aFatigue3", {
    grade: 3,
    onsetDate: "2026-02-10",
    attribution: { thalidomide: "definite", uft: "unrelated" },
  });
  await record(tx08.actor, a!.id, "aPlateletsSae", {
    term: "Platelet count decreased",
    grade: 3,
    onsetDate: "2026-02-03",
    ...serious(),
    attribution: { thalidomide: "unlikely", uft: "probable" },
  });
  await record(tx08.actor, b!.id, "bFatigueBeforeDay1", { grade: 2, onsetDate: "2026-01-09" });
  await record(tx08.actor, b!.id, "bDiarrhea4", { term: "Diarrhea", grade: 4, onsetDate: "2026-03-01" });
  await record(tx08.actor, c!.id, "cFatigue3", { grade: 3, onsetDate: "2026-01-06" });
  await record(tx09.actor, d!.id, "dFatigue3", { grade: 3, onsetDate: "2026-02-20" });
  await recordLabs(tx09.actor, d!.id, "week4", "2026-02-07", { platelets: { value: 40 } });
});

const eventIds = (dashboard: Awaited<ReturnType<typeof getToxicityDashboard>>) =>
  dashboard.events.map((e) => e.recordId).sort();
const named = (...names: string[]) => names.map((n) => ids[n]!).sort();

describe("toxicity dashboard", () => {
  test("filters run in the query and mean exactly what the pure predicates say", async () => {
    const both = { site: undefined };
    const all = await getToxicityDashboard(actors.coordinator, both);
    const ours = all.events.filter((e) => e.siteCode === "TX08" || e.siteCode === "TX09");
    expect(ours).toHaveLength(7);
    const cases: ToxicityFilters[] = [
      { grade: "3+" },
      { grade: "4" },
      { serious: "yes" },
      { serious: "no", term: "Fatigue" },
      { thalidomide: "related" },
      { uft: "probable" },
      { onsetFrom: "2026-02-03", onsetTo: "2026-02-10" },
      { site: "TX09" },
    ];
    for (const filters of cases) {
      const filtered = await getToxicityDashboard(actors.coordinator, filters);
      const expected = ours
        .filter((e) => matchesAdverseEventFilters(e, filters))
        .map((e) => e.recordId)
        .sort();
      expect(
        eventIds(filtered).filter((id) => Object.values(ids).includes(id)),
        JSON.stringify(filters),
      ).toEqual(expected);
    }
    expect(eventIds(await getToxicityDashboard(actors.coordinator, { site: "TX08", grade: "3+" }))).toEqual(
      named("aFatigue3", "aPlateletsSae", "bDiarrhea4", "cFatigue3"),
    );
    expect(eventIds(await getToxicityDashboard(actors.coordinator, { site: "TX08", thalidomide: "related" }))).toEqual(
      named("aFatigue1", "aFatigue3", "bFatigueBeforeDay1", "bDiarrhea4", "cFatigue3"),
    );
  });

  test("worst grade per patient per term: enrolled patients, treatment-emergent events", async () => {
    const { worstGrade } = await getToxicityDashboard(actors.coordinator, { site: "TX08" });
    expect(worstGrade.denominator).toBe(2); // A and B; C was never enrolled
    const fatigue = worstGrade.rows.find((r) => r.term === "Fatigue")!;
    // A counted once at grade 3; B's fatigue began before day 1; C is not in the population.
    expect(fatigue).toMatchObject({ grade1to2: { n: 0 }, grade3: { n: 1, percent: 50 }, any: { n: 1, percent: 50 } });
    expect(worstGrade.rows.find((r) => r.term === "Diarrhea")).toMatchObject({
      grade4: { n: 1, percent: 50 },
      any: { n: 1 },
    });
    expect(worstGrade.anyEvent).toMatchObject({ grade3: { n: 1 }, grade4: { n: 1 }, any: { n: 2, percent: 100 } });
  });

  test("SAEs carry the 24-hour reporting clock; grade 3+ labs are listed and filtered by term", async () => {
    const early = await getToxicityDashboard(actors.coordinator, { site: "TX08" }, new Date("2026-02-04T00:00:00Z"));
    expect(early.seriousEvents.map((e) => [e.recordId, e.clock])).toEqual([
      [ids.aPlateletsSae, { status: "running", dueAt: "2026-02-05T09:15", hoursLeft: 19 }],
    ]);
    const late = await getToxicityDashboard(actors.coordinator, { site: "TX08" }, new Date("2026-02-06T00:00:00Z"));
    expect(late.seriousEvents[0]!.clock).toMatchObject({ status: "overdue", hoursOverdue: 29 }); // 2026-02-06 14:00 at UTC+14;

    const platelets = await getToxicityDashboard(actors.coordinator, { term: "Platelet count decreased", grade: "3+" });
    expect(platelets.labs.filter((l) => l.siteCode === "TX09")).toEqual([
      expect.objectContaining({
        patientId: ids.d,
        test: "platelets",
        term: "Platelet count decreased",
        grade: 3,
        sampleDate: "2026-02-07",
        visitKey: "week4",
      }),
    ]);
    expect((await getToxicityDashboard(actors.coordinator, { site: "TX09", grade: "4" })).labs).toEqual([]);
    expect((await getToxicityDashboard(actors.coordinator, { site: "TX09", onsetFrom: "2026-02-08" })).labs).toEqual(
      [],
    );
  });

  test("the caller's sites bound everything; readers without the permission get nothing", async () => {
    const mine = await getToxicityDashboard(siteCoordinator, {});
    expect(new Set(mine.events.map((e) => e.siteCode))).toEqual(new Set(["TX08"]));
    expect(mine.labs).toEqual([]);
    expect(mine.sites.map((s) => s.code)).toEqual(["TX08"]);
    // Asking for another site by name finds nothing rather than leaking it.
    expect((await getToxicityDashboard(siteCoordinator, { site: "TX09" })).events).toEqual([]);
    expect((await getToxicityDashboard(siteCoordinator, { site: "TX09" })).worstGrade.denominator).toBe(0);
    expect((await getToxicityDashboard(actors.pi, { site: "TX09" })).events).toHaveLength(1);
    for (const name of ["investigator1", "monitor", "admin"] as const) {
      await expect(getToxicityDashboard(actors[name], {})).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("toxicity analysis JSON", () => {
  test("the worst-grade table and counts, in the documented response shape", async () => {
    const analysis = await getToxicityAnalysis(
      actors.coordinator,
      { site: "TX08", grade: "3+" },
      new Date("2026-02-06T00:00:00Z"),
    );
    expect(ToxicityAnalysisResponseSchema.parse(analysis)).toEqual(analysis);
    expect(analysis.filters).toEqual({ site: "TX08", grade: "3+" });
    expect(analysis.worstGrade).toMatchObject({ population: "enrolled", denominator: 2 });
    expect(analysis.counts).toEqual({
      adverseEvents: 4, // A: fatigue 3 and platelets SAE; B: diarrhea 4; C: fatigue 3 (not enrolled, listed but not tabulated)
      patientsWithEvents: 3,
      seriousAdverseEvents: 1,
      overdueSaeReports: 1,
      labResultsGrade3Plus: 0,
      awaitingReview: 4,
      escalated: 0,
    });
    expect((await getToxicityAnalysis(actors.pi, { site: "TX09" })).counts).toMatchObject({
      adverseEvents: 1,
      labResultsGrade3Plus: 1,
      awaitingReview: 2,
    });
  });
});
