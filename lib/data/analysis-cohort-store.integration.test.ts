import pg from "pg";
import { beforeAll, describe, expect, test } from "vitest";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import { withDemoDatabase } from "@/test/integration/with-demo-database";
import { withdrawFirstForm } from "@/test/integration/withdraw-form";
import { loadAnalysisCohort } from "./analysis-cohort";
import { AnalysisCohortStore } from "./analysis-cohort-store";

/**
 * The cohort kept in the process (lib/data/analysis-cohort-store.ts) against a full read of the
 * same database (loadAnalysisCohort with every part) after each kind of write: nothing, a
 * withdrawal through the write path, a status change, a patient deleted and one enrolled, a
 * site's new code, and a transaction that commits after a later one was read.
 */
describe("analysis cohort kept in the process = the cohort read whole (demo cohort)", () => {
  const { db, actors, sites } = withDemoDatabase();
  const store = new AnalysisCohortStore();
  const everything = { assessments: true, cytokines: true };
  const fullRead = () => loadAnalysisCohort({ kind: "all" }, everything);
  const expectKeptEqualsFull = async () => expect(await store.read({ kind: "all" })).toEqual(await fullRead());

  beforeAll(async () => {
    await seedDemoCohort("demo");
  }, 300_000);

  test("the first read is whole and equals a full read, trial-wide and per site; unchanged, the next reads nobody", async () => {
    await expectKeptEqualsFull();
    expect(store.rows.lastRefresh).toEqual({ kind: "full", rowsRead: 43 });
    expect(await store.read({ kind: "sites", siteIds: [sites.TW02] })).toEqual(
      await loadAnalysisCohort({ kind: "sites", siteIds: [sites.TW02] }, everything),
    );
    const first = await store.read({ kind: "all" });
    expect(await store.read({ kind: "all" })).toBe(first);
    expect(store.rows.lastRefresh).toEqual({ kind: "changes", rowsRead: 0 });
  });

  test("a withdrawn cytokines form: only that patient is read again, as a new object; the others are the same objects", async () => {
    const before = await store.read({ kind: "all" });
    const record = await withdrawFirstForm(db.prisma, actors.investigator1, {
      formType: "cytokines",
      siteId: sites.TW01,
    });
    const after = await store.read({ kind: "all" });
    expect(store.rows.lastRefresh).toEqual({ kind: "changes", rowsRead: 1 });
    expect(after).toEqual(await fullRead());
    const changed = after.filter((p, i) => p !== before[i]);
    expect(changed.map((p) => p.patientId)).toEqual([record.patientId]);
    expect(changed[0]!.records.some((r) => r.formType === "cytokines")).toBe(false);
  });

  test("a transaction that commits after a later one was read is still seen", async () => {
    const [early, late] = await db.prisma.patient.findMany({
      where: { enrollmentDate: { not: null }, status: { not: "OFF_STUDY" } },
      orderBy: { subjectId: "asc" },
      take: 2,
    });
    const slow = new pg.Client({ connectionString: db.url });
    await slow.connect();
    try {
      // The slow transaction writes first (its transaction id is the lower one) and commits last.
      await slow.query("BEGIN");
      await slow.query(`UPDATE patients SET status = 'OFF_STUDY' WHERE id = $1`, [early!.id]);
      await db.query(`UPDATE patients SET status = 'OFF_STUDY' WHERE id = $1`, [late!.id]);
      const mid = await store.read({ kind: "all" });
      expect(mid.find((p) => p.patientId === late!.id)!.status).toBe("OFF_STUDY");
      expect(mid.find((p) => p.patientId === early!.id)!.status).toBe(early!.status);
      await slow.query("COMMIT");
    } finally {
      await slow.end();
    }
    const after = await store.read({ kind: "all" });
    expect(after.find((p) => p.patientId === early!.id)!.status).toBe("OFF_STUDY");
    expect(after).toEqual(await fullRead());
  });

  test("a patient deleted and one enrolled: the members and their order follow", async () => {
    const gone = await db.prisma.patient.findFirstOrThrow({
      where: { enrollmentDate: { not: null }, siteId: sites.TW03 },
      orderBy: { subjectId: "desc" },
    });
    await db.query(`UPDATE patients SET deleted_at = now(), delete_reason = 'test' WHERE id = $1`, [gone.id]);
    const screened = await db.prisma.patient.findFirstOrThrow({ where: { enrollmentDate: null } });
    await db.query(`UPDATE patients SET enrollment_date = screening_date, status = 'ON_TREATMENT' WHERE id = $1`, [
      screened.id,
    ]);
    const after = await store.read({ kind: "all" });
    expect(store.rows.lastRefresh).toEqual({ kind: "changes", rowsRead: 2 });
    expect(after.map((p) => p.patientId)).toContain(screened.id);
    expect(after.map((p) => p.patientId)).not.toContain(gone.id);
    expect(after).toEqual(await fullRead());
  });

  test("a site's new code, which every one of its patients carries, reads the whole cohort again", async () => {
    await db.query(`UPDATE sites SET code = 'TW9' WHERE id = $1`, [sites.TW03]);
    const after = await store.read({ kind: "all" });
    expect(store.rows.lastRefresh?.kind).toBe("full");
    expect(after.filter((p) => p.siteCode === "TW9").length).toBeGreaterThan(0);
    expect(after).toEqual(await fullRead());
  });
});
