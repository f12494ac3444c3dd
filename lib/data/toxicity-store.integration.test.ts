import { beforeAll, describe, expect, test } from "vitest";
import { summarizePatientToxicity } from "@/lib/analysis/toxicity/patient-toxicity";
import { tabulateWorstGradeCounts } from "@/lib/analysis/toxicity/worst-grade-table";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import {
  adverseEvent,
  correctAdverseEvent,
  createPatient,
  recordAdverseEvent,
  recordLabs,
  serious,
} from "@/test/integration/toxicity-fixtures";
import { withDemoDatabase } from "@/test/integration/with-demo-database";
import { withdrawFirstForm } from "@/test/integration/withdraw-form";
import { countToxicities, loadWorstGradeCounts } from "./toxicity-aggregates";
import { ToxicityStore } from "./toxicity-store";

/**
 * The toxicity kept per patient in the process (lib/data/toxicity-store.ts), summed, against
 * the statements that count the same over the typed tables (lib/data/toxicity-aggregates.ts,
 * no filter), trial-wide and per site, after each kind of write: an SAE whose report clock runs,
 * its correction, a grade 3 lab, a withdrawal, a patient not enrolled, a patient deleted.
 */
describe("toxicity kept in the process = the aggregate statements (demo trial)", () => {
  const { db, actors, sites } = withDemoDatabase();
  const store = new ToxicityStore();

  async function expectKeptEqualsStatements() {
    for (const siteIds of [null, [sites.TW01], [sites.TW02, sites.TW03]]) {
      const scope = siteIds ? { siteId: { in: siteIds } } : {};
      const kept = summarizePatientToxicity(await store.patients(siteIds));
      const totals = await countToxicities(scope, {});
      expect({ ...kept.totals, openSaeAwareTimes: [...kept.totals.openSaeAwareTimes].sort() }).toEqual({
        ...totals,
        openSaeAwareTimes: [...totals.openSaeAwareTimes].sort(),
      });
      expect(tabulateWorstGradeCounts(kept.worst, kept.totals.enrolledPatients)).toEqual(
        tabulateWorstGradeCounts(await loadWorstGradeCounts(scope, {}), totals.enrolledPatients),
      );
    }
  }

  beforeAll(async () => {
    await seedDemoCohort("demo");
  }, 300_000);

  test("the first read is whole and non-trivial; unchanged, the next reads nobody", async () => {
    await expectKeptEqualsStatements();
    const { totals, worst } = summarizePatientToxicity(await store.patients(null));
    expect(totals.adverseEvents).toBeGreaterThan(50);
    expect(worst.filter((w) => w.term !== null).length).toBeGreaterThan(5);
    expect(store.rows.lastRefresh).toEqual({ kind: "changes", rowsRead: 0 });
  });

  test("an SAE whose clock runs, its correction and a grade 3 lab: only that patient is read again", async () => {
    const patient = await createPatient(actors.investigator1, sites.TW01);
    await store.patients(null);
    const saved = await recordAdverseEvent(
      actors.investigator1,
      patient.id,
      adverseEvent({
        term: "Neutrophil count decreased",
        grade: 3,
        onsetDate: "2026-01-20",
        ...serious("2026-01-21T08:00"),
      }),
    );
    await store.patients(null);
    expect(store.rows.lastRefresh).toEqual({ kind: "changes", rowsRead: 1 });
    await expectKeptEqualsStatements();
    await correctAdverseEvent(
      actors.investigator1,
      patient.id,
      saved,
      adverseEvent({ term: "Diarrhea", grade: 4, onsetDate: "2026-01-20" }),
    );
    await recordLabs(actors.investigator1, patient.id, "week4", "2026-02-07", { platelets: { value: 40 } });
    await expectKeptEqualsStatements();
  });

  test("a withdrawal, an event before day 1 and a patient not enrolled", async () => {
    await withdrawFirstForm(db.prisma, actors.investigator1, { formType: "adverse-event", siteId: sites.TW01 });
    const screening = await createPatient(actors.investigator1, sites.TW01, { enrolled: false });
    await recordAdverseEvent(actors.investigator1, screening.id, adverseEvent({ grade: 3, onsetDate: "2026-01-06" }));
    const enrolled = await createPatient(actors.investigator1, sites.TW01);
    await recordAdverseEvent(actors.investigator1, enrolled.id, adverseEvent({ grade: 2, onsetDate: "2026-01-08" }));
    await expectKeptEqualsStatements();
  });

  test("a patient deleted leaves the sums", async () => {
    const gone = await db.prisma.adverseEvent.findFirstOrThrow({ where: { grade: { gte: 3 } } });
    await db.query(`UPDATE patients SET deleted_at = now(), delete_reason = 'test' WHERE id = $1`, [gone.patientId]);
    expect((await store.patients(null)).some((p) => p.patientId === gone.patientId)).toBe(false);
    await expectKeptEqualsStatements();
  });
});
