import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SiteScope } from "@/lib/auth/actor";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import { createEnrolledPatient } from "@/test/integration/enrolled-patient";
import { withDemoDatabase } from "@/test/integration/with-demo-database";
import { withdrawFirstForm } from "@/test/integration/withdraw-form";
import { markSourceVerified } from "./form-review";
import { loadPatientCounts } from "./schedule-facts";
import { ScheduleFactsStore } from "./schedule-facts-store";

/**
 * The counts from the facts kept in the process (lib/data/schedule-facts-store.ts) against
 * loadPatientCounts' statement over the same database, on several days, after each kind of
 * write: nothing, a withdrawal, source verification, an enrollment, a deletion, a schedule change,
 * and a transaction that commits after a later one was read. The store lists every patient; the
 * statement leaves out those with nothing to count, so those must count zero.
 */
const DAYS = ["2024-06-01", "2025-01-15", "2026-12-06"];

describe("schedule facts kept in the process = loadPatientCounts (demo trial)", () => {
  const { db, actors, sites } = withDemoDatabase();
  const store = new ScheduleFactsStore();

  async function expectCountsEqual(scope: Exclude<SiteScope, { kind: "none" }> = { kind: "all" }) {
    for (const today of DAYS) {
      const kept = await store.counts(scope, today);
      const reference = await loadPatientCounts(scope, today);
      const byId = new Map(kept.map((c) => [c.patientId, c]));
      for (const counts of reference)
        expect(byId.get(counts.patientId), `${today} ${counts.subjectId}`).toEqual(counts);
      const listed = new Set(reference.map((c) => c.patientId));
      for (const counts of kept.filter((c) => !listed.has(c.patientId)))
        expect(
          [
            counts.missing,
            counts.overdue,
            counts.unsigned,
            counts.unverified,
            counts.verified,
            counts.baselineMissingLabs,
          ],
          `${today} ${counts.subjectId}`,
        ).toEqual([0, 0, 0, 0, 0, 0]);
      expect(kept.length).toBe(
        await db.prisma.patient.count({
          where: { deletedAt: null, ...(scope.kind === "sites" ? { siteId: { in: scope.siteIds } } : {}) },
        }),
      );
    }
  }

  beforeAll(async () => {
    await seedDemoCohort("demo");
  }, 300_000);
  afterAll(() => store.rows.clear());

  test("the first read is whole; unchanged, the next reads nobody; per site too", async () => {
    await expectCountsEqual();
    expect(store.rows.lastRefresh?.kind).toBe("changes");
    expect(store.rows.lastRefresh?.rowsRead).toBe(0);
    await expectCountsEqual({ kind: "sites", siteIds: [sites.TW02] });
    store.rows.clear();
    await store.counts({ kind: "all" }, DAYS[0]!);
    expect(store.rows.lastRefresh).toEqual({ kind: "full", rowsRead: await db.prisma.patient.count() });
  });

  test("a withdrawal and a source verification: only that patient is read again", async () => {
    await store.counts({ kind: "all" }, DAYS[2]!);
    await withdrawFirstForm(db.prisma, actors.investigator1, {
      formType: "labs",
      siteId: sites.TW01,
      status: "COMPLETE",
    });
    await expectCountsEqual();
    const other = await db.prisma.crfRecord.findFirstOrThrow({
      where: { deletedAt: null, siteId: sites.TW02, status: "COMPLETE", sdvAt: null },
    });
    await markSourceVerified(actors.monitor, {
      patientId: other!.patientId,
      recordId: other!.id,
      version: other!.version,
    });
    await store.counts({ kind: "all" }, DAYS[2]!);
    expect(store.rows.lastRefresh).toEqual({ kind: "changes", rowsRead: 1 });
    await expectCountsEqual();
  });

  test("a new patient enrolled and one deleted", async () => {
    await createEnrolledPatient(actors.investigator1, sites.TW01, {
      screeningDate: "2026-11-01",
      consentDate: "2026-11-01",
      enrollmentDate: "2026-11-05",
    });
    const gone = await db.prisma.patient.findFirstOrThrow({
      where: { siteId: sites.TW03 },
      orderBy: { subjectId: "desc" },
    });
    await db.query(`UPDATE patients SET deleted_at = now() WHERE id = $1`, [gone.id]);
    await expectCountsEqual();
    expect((await store.counts({ kind: "all" }, DAYS[2]!)).some((c) => c.patientId === gone.id)).toBe(false);
  });

  test("a schedule change counts every patient on the new schedule", async () => {
    await db.query(`UPDATE study_settings SET window_days = window_days + 7`);
    await expectCountsEqual();
    await db.query(`UPDATE study_settings SET window_days = window_days - 7`);
    await expectCountsEqual();
  });

  test("a transaction that commits after a later one was read is still seen", async () => {
    const [early, late] = await db.prisma.patientScheduleFacts.findMany({ orderBy: { patientId: "asc" }, take: 2 });
    const slow = new pg.Client({ connectionString: db.url });
    await slow.connect();
    try {
      // The slow transaction writes first (its transaction id is the lower one) and commits last.
      await slow.query("BEGIN");
      await slow.query(`UPDATE patient_schedule_facts SET unsigned_forms = unsigned_forms + 5 WHERE patient_id = $1`, [
        early!.patientId,
      ]);
      await db.query(`UPDATE patient_schedule_facts SET unsigned_forms = unsigned_forms + 3 WHERE patient_id = $1`, [
        late!.patientId,
      ]);
      const mid = await store.counts({ kind: "all" }, DAYS[2]!);
      expect(mid.find((c) => c.patientId === late!.patientId)!.unsigned).toBe(late!.unsignedForms + 3);
      expect(mid.find((c) => c.patientId === early!.patientId)!.unsigned).toBe(early!.unsignedForms);
      await slow.query("COMMIT");
    } finally {
      await slow.end();
    }
    const after = await store.counts({ kind: "all" }, DAYS[2]!);
    expect(after.find((c) => c.patientId === early!.patientId)!.unsigned).toBe(early!.unsignedForms + 5);
    await expectCountsEqual();
  });
});
