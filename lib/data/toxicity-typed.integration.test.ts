import { beforeAll, describe, expect, test } from "vitest";
import { generateTrial } from "@/bench/generate-trial";
import type { Actor } from "@/lib/auth/actor";
import { classifySaeClock, latestSiteLocalNow } from "@/lib/analysis/toxicity/sae-clock";
import { buildSafetyWorkLists } from "@/lib/analysis/work-list";
import { isReviewable } from "@/lib/analysis/toxicity/review-state";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import type { ToxicityFilters } from "@/lib/domain/toxicity/toxicity-filters";
import {
  referenceAdverseEvents,
  referenceEnrolledPatientIds,
  referenceLabToxicities,
  referenceWorstGrade,
} from "@/test/integration/toxicity-json-reference";
import { countPatientsWithDlt, isDoseLimitingToxicity } from "@/lib/analysis/toxicity/dose-limiting-toxicity";
import { rebuildProjections } from "./projections-rebuild";
import { countPatientsWithDltInDatabase } from "./toxicity-aggregates";
import { getToxicityDashboard, TOXICITY_LIST_LIMIT } from "./toxicity";
import { loadAdverseEvents, loadEnrolledPatientIds, loadLabToxicities, type SiteWhere } from "./toxicity-items";
import {
  getToxicityReviewSummary,
  listToxicityReviewQueue,
  recordToxicityReview,
  REVIEW_QUEUE_ITEMS_LISTED,
  type ReviewQueueItem,
} from "./toxicity-review";
import { loadReviewQueueSummary } from "./toxicity-review-queue";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

/**
 * Issue 14: the toxicity review reads the typed tables (adverse_events, lab_results) with the
 * filtering and counting in SQL. On the demo cohort (saved through the save path, which writes
 * the typed rows) and a generated trial (bulk-inserted forms, typed rows by rebuildProjections)
 * in one database, every reader gives exactly what the JSON computation it replaced gave
 * (test/integration/toxicity-json-reference.ts), for every filter.
 */
const { db, actors } = withDemoDatabase();
let oneSite: SiteWhere;
let filterCases: ToxicityFilters[];
const NOW = new Date("2026-11-20T08:00:00Z");

beforeAll(async () => {
  const demo = await seedDemoCohort("demo");
  expect(demo.problems).toEqual([]);
  const generated = await generateTrial(db.url, { patients: 240, seed: 1414 });
  expect(generated.rejected).toBe(0);
  await rebuildProjections(db.prisma);

  const { rows: sites } = await db.query<{ id: string; code: string }>(
    `SELECT s.id, s.code FROM sites s JOIN patients p ON p.site_id = s.id GROUP BY s.id, s.code ORDER BY count(*) DESC, s.code LIMIT 2`,
  );
  oneSite = { siteId: { in: [sites[0]!.id] } };
  const {
    rows: [common],
  } = await db.query<{ term: string }>(
    `SELECT data->>'term' AS term FROM crf_records WHERE form_type = 'adverse-event' AND deleted_at IS NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  filterCases = [
    {},
    { grade: "3+" },
    { grade: "2" },
    { grade: "4" },
    { serious: "yes" },
    { serious: "no" },
    { thalidomide: "related" },
    { uft: "unrelated" },
    { term: common!.term },
    { term: "Platelet count decreased", grade: "3+" },
    { onsetFrom: "2026-03-01", onsetTo: "2026-06-30" },
    { site: sites[1]!.code },
    { site: "TW01" },
    { site: sites[0]!.code, term: common!.term, grade: "3+", onsetFrom: "2025-01-01" },
  ];
}, 600_000);

const byRecord = <T extends { recordId: string }>(items: T[], key: (i: T) => string = (i) => i.recordId) =>
  [...items].sort((a, b) => key(a).localeCompare(key(b)));
const labKey = (l: { recordId: string; test: string }) => `${l.recordId}/${l.test}`;
const subjects = (items: { subjectId: string }[]) => items.map((i) => i.subjectId);
/** The tests of each record in the order listed (the labs form's order of its grade 3+ results). */
const testsPerRecord = (labs: { recordId: string; test: string }[]) => {
  const map = new Map<string, string[]>();
  for (const l of labs) map.set(l.recordId, [...(map.get(l.recordId) ?? []), l.test]);
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
};

describe("toxicity readers on the typed tables equal the JSON computation", () => {
  test("there is enough to compare: events of every grade, SAEs, grade 3+ labs, both datasets", async () => {
    const all = await loadAdverseEvents({}, {});
    expect(all.length).toBeGreaterThan(300);
    const grades = new Set(all.map((e) => e.grade));
    for (const grade of [1, 2, 3]) expect(grades).toContain(grade);
    expect(all.filter((e) => e.serious).length).toBeGreaterThan(5);
    expect(all.some((e) => e.siteCode === "TW01")).toBe(true);
    const labs = await loadLabToxicities({}, {});
    expect(labs.length).toBeGreaterThan(0);
    console.log(
      `compared on ${all.length} adverse events (grades ${[...grades].sort().join(", ")}; ${all.filter((e) => e.serious).length} serious) and ${labs.length} grade 3+ lab results`,
    );
  });

  test("adverse events and grade 3+ lab results, every filter, all sites and one site", async () => {
    for (const scope of [{}, oneSite]) {
      for (const filters of filterCases) {
        const label = JSON.stringify({ scope: Boolean(scope.siteId), filters });
        const [events, reference] = await Promise.all([
          loadAdverseEvents(scope, filters),
          referenceAdverseEvents(db.prisma, scope, filters),
        ]);
        expect(byRecord(events), label).toEqual(byRecord(reference));
        expect(subjects(events), label).toEqual(subjects(reference));
        const [labs, referenceLabs] = await Promise.all([
          loadLabToxicities(scope, filters),
          referenceLabToxicities(db.prisma, scope, filters),
        ]);
        expect(byRecord(labs, labKey), label).toEqual(byRecord(referenceLabs, labKey));
        expect(subjects(labs), label).toEqual(subjects(referenceLabs));
        expect(testsPerRecord(labs), label).toEqual(testsPerRecord(referenceLabs));
        expect((await loadEnrolledPatientIds(scope, filters)).sort(), label).toEqual(
          (await referenceEnrolledPatientIds(db.prisma, scope, filters)).sort(),
        );
      }
    }
  });

  test("the dashboard: counts, SAE clocks and the worst-grade table as from every event; lists cut at the limit", async () => {
    const siteNow = latestSiteLocalNow(NOW);
    for (const filters of filterCases) {
      const label = JSON.stringify(filters);
      const dashboard = await getToxicityDashboard(actors.pi, filters, NOW);
      const [events, labs, enrolled] = await Promise.all([
        referenceAdverseEvents(db.prisma, {}, filters),
        referenceLabToxicities(db.prisma, {}, filters),
        referenceEnrolledPatientIds(db.prisma, {}, filters),
      ]);
      const serious = events
        .filter((e) => e.serious)
        .map((e) => ({ ...e, clock: classifySaeClock(e.saeReportDueAt, siteNow, e.saeReportedAt) }));
      expect(dashboard.counts, label).toEqual({
        adverseEvents: events.length,
        patientsWithEvents: new Set(events.map((e) => e.patientId)).size,
        seriousAdverseEvents: serious.length,
        overdueSaeReports: serious.filter((e) => e.clock.status === "overdue").length,
        labResultsGrade3Plus: labs.length,
      });
      const { population, description, ...table } = dashboard.worstGrade;
      expect(population).toBe("enrolled");
      expect(description).toMatch(/treatment-emergent/);
      expect(table, label).toEqual(referenceWorstGrade(events, enrolled));
      // The lists: the first rows of the whole list, in its order.
      expect(dashboard.events, label).toEqual((await loadAdverseEvents({}, filters)).slice(0, TOXICITY_LIST_LIMIT));
      expect(dashboard.labs, label).toEqual((await loadLabToxicities({}, filters)).slice(0, TOXICITY_LIST_LIMIT));
      expect(dashboard.events.length).toBe(Math.min(events.length, TOXICITY_LIST_LIMIT));
      const shownSerious = new Map(dashboard.seriousEvents.map((e) => [e.recordId, e.clock]));
      expect(shownSerious.size).toBe(Math.min(serious.length, TOXICITY_LIST_LIMIT));
      for (const e of serious.filter((s) => shownSerious.has(s.recordId)))
        expect(shownSerious.get(e.recordId)).toEqual(e.clock);
    }
    // The cut is real on this trial: more events than the page lists, still counted whole.
    const whole = await getToxicityDashboard(actors.pi, {}, NOW);
    expect(whole.counts.adverseEvents).toBeGreaterThan(TOXICITY_LIST_LIMIT);
    expect(whole.events).toHaveLength(TOXICITY_LIST_LIMIT);
  });

  test("the review queue holds exactly the reviewable events and every grade 3+ lab result", async () => {
    for (const filters of filterCases) {
      const label = JSON.stringify(filters);
      const queue = await listToxicityReviewQueue(actors.coordinator, filters);
      const [events, labs] = await Promise.all([
        referenceAdverseEvents(db.prisma, {}, filters),
        referenceLabToxicities(db.prisma, {}, filters),
      ]);
      const expected = [
        ...events
          .filter((e) => e.grade !== null && isReviewable(e))
          .map((e) => `${e.recordId}|event|${e.grade}|${e.serious}|${e.summary}|${e.onsetDate}`),
        ...labs.map(
          (l) => `${l.recordId}|lab:${l.test}|${l.grade}|false|${l.term}, grade ${l.grade} (lab)|${l.sampleDate}`,
        ),
      ];
      const actual = queue
        .filter((i) => i.formType !== "pregnancy-test")
        .map((i) => `${i.recordId}|${i.itemKey}|${i.grade}|${i.serious}|${i.label}|${i.date}`);
      expect(actual.sort(), label).toEqual(expected.sort());
      expect(queue.every((i) => i.state.state === "needs-review")).toBe(true);
    }
  });
});

test("the stopping-rule monitor's DLT count in SQL equals isDoseLimitingToxicity over every grade 3+ event", async () => {
  let withDlt = 0;
  let notDlt = 0;
  for (const scope of [{}, oneSite]) {
    const label = JSON.stringify(scope);
    const counted = await countPatientsWithDltInDatabase(scope);
    // As the monitor counted before: every grade 3+ event of the typed table, and the same from every form's JSON.
    const [events, enrolled, referenceEvents, referenceEnrolled] = await Promise.all([
      loadAdverseEvents(scope, { grade: "3+" }),
      loadEnrolledPatientIds(scope, {}),
      referenceAdverseEvents(db.prisma, scope, {}),
      referenceEnrolledPatientIds(db.prisma, scope, {}),
    ]);
    expect(counted, label).toEqual(countPatientsWithDlt(events, enrolled));
    expect(counted, label).toEqual(countPatientsWithDlt(referenceEvents, referenceEnrolled));
    withDlt += counted.withDlt;
    // Grade 3+ events that are not DLTs (unrelated, before day 1, a patient not enrolled) were met too.
    notDlt += referenceEvents.filter((e) => (e.grade ?? 0) >= 3 && !isDoseLimitingToxicity(e)).length;
  }
  expect(withDlt).toBeGreaterThan(0);
  expect(notDlt).toBeGreaterThan(0);
});

test("SAE counts and overdue reports from the SAEs whose clock runs equal every SAE's clock, at any time", async () => {
  // Some SAEs reported (on time and late), some awareness times with seconds or none, for this test only.
  const { rows: saes } = await db.query<{ id: string; aware: string }>(
    `SELECT id, to_char(aware_at, 'YYYY-MM-DD"T"HH24:MI') AS aware FROM adverse_events
     WHERE serious IS TRUE AND aware_at IS NOT NULL ORDER BY aware_at, id`,
  );
  expect(saes.length).toBeGreaterThan(20);
  const keep = await db.query(
    `SELECT id, aware_at::text AS aware_at, reported_at::text AS reported_at FROM adverse_events WHERE serious IS TRUE`,
  );
  const clearKept = () =>
    (globalThis as unknown as { trialdeskDashboardResults?: { clear(): void } }).trialdeskDashboardResults?.clear();
  try {
    const picked = (n: number) => saes.filter((_, i) => i % n === 0).map((e) => e.id);
    await db.query(`UPDATE adverse_events SET reported_at = aware_at + interval '3 hours' WHERE id = ANY($1::uuid[])`, [
      picked(5),
    ]);
    await db.query(
      `UPDATE adverse_events SET reported_at = aware_at + interval '30 hours' WHERE id = ANY($1::uuid[])`,
      [picked(7)],
    );
    await db.query(`UPDATE adverse_events SET aware_at = aware_at + interval '17 seconds' WHERE id = ANY($1::uuid[])`, [
      picked(3),
    ]);
    await db.query(`UPDATE adverse_events SET aware_at = NULL WHERE id = ANY($1::uuid[])`, [picked(11)]);
    clearKept();
    // Request times at which the site clock reads an SAE's due time exactly, a minute before and after, and beyond all.
    const dueOf = (aware: string) => new Date(Date.parse(`${aware}:00Z`) + 24 * 3_600_000 - 14 * 3_600_000);
    const middle = saes[Math.floor(saes.length / 2)]!.aware;
    const nows = [
      dueOf(saes[0]!.aware),
      new Date(dueOf(middle).getTime() - 60_000),
      dueOf(middle),
      new Date(dueOf(middle).getTime() + 60_000),
      NOW,
    ];
    const statuses = new Set<string>();
    for (const now of nows) {
      const siteNow = latestSiteLocalNow(now);
      for (const filters of filterCases) {
        const label = JSON.stringify({ now, filters });
        const dashboard = await getToxicityDashboard(actors.pi, filters, now);
        const every = (await loadAdverseEvents({}, filters))
          .filter((e) => e.serious)
          .map((e) => ({ ...e, clock: classifySaeClock(e.saeReportDueAt, siteNow, e.saeReportedAt) }));
        for (const e of every) statuses.add(e.clock.status);
        expect(dashboard.counts.seriousAdverseEvents, label).toBe(every.length);
        expect(dashboard.counts.overdueSaeReports, label).toBe(
          every.filter((e) => e.clock.status === "overdue").length,
        );
        expect(dashboard.seriousEvents, label).toEqual(every.slice(0, TOXICITY_LIST_LIMIT));
      }
    }
    expect([...statuses].sort()).toEqual(["no-deadline", "overdue", "reported", "running"]);
  } finally {
    for (const row of keep.rows as { id: string; aware_at: string | null; reported_at: string | null }[])
      await db.query(`UPDATE adverse_events SET aware_at = $2::timestamp, reported_at = $3::timestamp WHERE id = $1`, [
        row.id,
        row.aware_at,
        row.reported_at,
      ]);
    clearKept();
  }
});

test("home's safety lists from the events they need equal those from every event", async () => {
  const siteNow = latestSiteLocalNow(NOW);
  const clockOf = (dueAt: string | null, reportedAt: string | null) => classifySaeClock(dueAt, siteNow, reportedAt);
  let matchedByLab = 0;
  for (const scope of [{}, oneSite]) {
    const [all, needed, labs] = await Promise.all([
      loadAdverseEvents(scope, {}),
      loadAdverseEvents(scope, {}, undefined, { safetyWork: true }),
      loadLabToxicities(scope, {}),
    ]);
    // Exactly what the lists read: the serious events and every event of a patient with a listed lab.
    const withLabs = new Set(labs.map((l) => l.patientId));
    expect(needed).toEqual(all.filter((e) => e.serious || withLabs.has(e.patientId)));
    expect(needed.length).toBeLessThan(all.length);
    matchedByLab += needed.filter((e) => !e.serious).length;
    expect(buildSafetyWorkLists(needed, labs, clockOf, 1000)).toEqual(buildSafetyWorkLists(all, labs, clockOf, 1000));
  }
  // Events kept only for a lab's term match were met.
  expect(matchedByLab).toBeGreaterThan(0);
});

/**
 * Issue 16: home, the toxicity page and the endpoint read the queue's counts and first items
 * computed in SQL (lib/data/toxicity-review-queue.ts). After reviews of every kind (reviewed,
 * escalated, reviewed at a lower grade, not serious then, on an older version, decided twice),
 * they equal the whole queue's, for every filter, all sites and one site. Runs last: the reviews
 * it writes change the queue the tests above read.
 */
describe("the review queue's summary equals the whole queue", () => {
  const expectedSummary = (whole: ReviewQueueItem[], limit: number) => {
    const of = (state: string) => whole.filter((i) => i.state.state === state);
    return {
      counts: {
        needsReview: of("needs-review").length,
        escalated: of("escalated").length,
        reviewed: of("reviewed").length,
      },
      needsReview: of("needs-review").slice(0, limit),
      escalated: of("escalated").slice(0, limit),
      reviewed: of("reviewed").slice(0, limit),
    };
  };

  test("counts and first items per state, every filter, all sites and one site", async () => {
    const queue = await listToxicityReviewQueue(actors.coordinator, {});
    const reviewer = actors.coordinator;
    // Past decisions, as the review form stores them: what the reviewer saw, possibly since changed.
    // Every other item keeps none, so more items wait than the pages list.
    const kinds = ["reviewed", "none", "escalated", "none", "lower grade", "none", "not serious then", "none"];
    kinds.push("older version", "none", "twice", "none");
    let written = 0;
    for (const [index, item] of queue.entries()) {
      const kind = kinds[index % kinds.length]!;
      if (kind === "none") continue;
      const decisions =
        kind === "twice"
          ? [
              { decision: "ESCALATED", grade: item.grade, serious: item.serious, version: item.recordVersion },
              { decision: "REVIEWED", grade: item.grade, serious: item.serious, version: item.recordVersion },
            ]
          : [
              {
                decision:
                  kind === "escalated" || (kind !== "reviewed" && Math.floor(index / kinds.length) % 2)
                    ? "ESCALATED"
                    : "REVIEWED",
                grade: kind === "lower grade" ? item.grade - 1 : item.grade,
                serious: kind === "not serious then" ? false : item.serious,
                version: kind === "older version" ? item.recordVersion - 1 : item.recordVersion,
              },
            ];
      for (const d of decisions) {
        await db.query(
          `INSERT INTO toxicity_reviews (record_id, patient_id, site_id, item_key, record_version, grade, serious, decision,
             comment, reviewed_by_id, reviewer_name, reviewed_at)
           SELECT $1, p.id, p.site_id, $2, $3, $4, $5, $6::"ToxicityReviewDecision", $7, $8, $9, now() - interval '1 day'
           FROM patients p WHERE p.id = $10`,
          [
            item.recordId,
            item.itemKey,
            d.version,
            d.grade,
            d.serious,
            d.decision,
            `${kind} ${index}`,
            reviewer.userId,
            reviewer.name,
            item.patientId,
          ],
        );
        written++;
      }
    }
    // One decision through the write path (an item left without one): audited, so every kept result is read afresh.
    const last = queue.findLast((_, index) => kinds[index % kinds.length] === "none")!;
    await recordToxicityReview(reviewer, { ...last, decision: "ESCALATED", comment: "Through the form" });
    expect(written).toBeGreaterThan(50);

    const siteCoordinator: Actor = {
      ...reviewer,
      assignments: [{ role: "COORDINATOR", siteId: oneSite.siteId!.in[0]! }],
    };
    const states = new Set<string>();
    for (const actor of [reviewer, siteCoordinator]) {
      for (const filters of filterCases) {
        const label = JSON.stringify({ site: actor === siteCoordinator, filters });
        const whole = await listToxicityReviewQueue(actor, filters);
        for (const item of whole)
          states.add(item.state.state === "needs-review" ? item.state.reason : item.state.state);
        expect(await getToxicityReviewSummary(actor, filters), label).toEqual(
          expectedSummary(whole, REVIEW_QUEUE_ITEMS_LISTED),
        );
        const scope = actor === siteCoordinator ? oneSite : {};
        expect(await loadReviewQueueSummary(scope, filters, 3), label).toEqual(expectedSummary(whole, 3));
      }
    }
    // Every state the queue can derive was met.
    expect([...states].sort()).toEqual(["became-serious", "escalated", "new", "reviewed", "upgraded"]);
    const whole = await listToxicityReviewQueue(reviewer, {});
    expect(whole.some((i) => i.state.state !== "needs-review" && i.state.editedSinceReview)).toBe(true);
    // The cuts are real: more of each state than the small limit lists, more waiting than the pages list.
    const summary = await getToxicityReviewSummary(reviewer, {});
    expect(summary.counts.needsReview).toBeGreaterThan(REVIEW_QUEUE_ITEMS_LISTED);
    expect(Math.min(summary.counts.escalated, summary.counts.reviewed)).toBeGreaterThan(3);
  });
});
