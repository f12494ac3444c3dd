import { beforeAll, describe, expect, test } from "vitest";
import { generateTrial } from "@/bench/generate-trial";
import { scopeOf, type Actor } from "@/lib/auth/actor";
import { summarizeDataQuality } from "@/lib/analysis/data-quality";
import { buildWorkLists, type SiteSet, type WorkKind } from "@/lib/analysis/work-list";
import type { Permission } from "@/lib/auth/permissions";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import { DEFAULT_SCHEDULE } from "@/lib/domain/schedule/visit-schedule";
import { createEnrolledPatient } from "@/test/integration/enrolled-patient";
import { loadReferenceQualityInputs } from "@/test/integration/quality-reference";
import type { TestDatabase } from "@/test/integration/test-database";
import { withDemoDatabase } from "@/test/integration/with-demo-database";
import { recordLabs } from "@/test/integration/toxicity-fixtures";
import { deleteCrfRecord, saveCrfRecord } from "./crf-records";
import { getDataQuality } from "./data-quality";
import { markSourceVerified } from "./form-review";
import { getRecordStatusGrid } from "./record-status-grid";
import { rebuildScheduleFacts } from "./schedule-facts";
import { getMyWork } from "./work-lists";

/**
 * The schedule facts kept by the database in every write's transaction equal a rebuild from the
 * saved forms, and the data-quality page, the home work-lists and the grid's overdue filter read
 * from them give exactly what the app computed from every form of the trial before.
 */
const snapshot = async (db: TestDatabase) =>
  (
    await db.query(
      `SELECT patient_id, study_id, enrollment_date::text, schedule_end::text, recorded_due::text, first_gap_due::text,
              overdue_from::text, unsigned_forms, unverified_forms, verified_forms, baseline_missing_labs
       FROM patient_schedule_facts ORDER BY patient_id`,
    )
  ).rows;

async function expectFactsEqualRebuild(db: TestDatabase) {
  const kept = await snapshot(db);
  await rebuildScheduleFacts(db.prisma);
  expect(await snapshot(db)).toEqual(kept);
  return kept.length;
}

const SCHEDULE_MEASURES = [
  "missingForms",
  "overdueForms",
  "unsignedForms",
  "missingBaselineLabs",
  "verifiedForms",
] as const;

/** The data-quality page's schedule and form measures equal the computation over every form. */
async function expectQualityEqualsReference(db: TestDatabase, actor: Actor, today: string) {
  const reference = await loadReferenceQualityInputs(db.prisma);
  const page = await getDataQuality(actor, today);
  const expected = summarizeDataQuality(
    page.sites.map((s) => s.siteCode),
    reference.patients,
    reference.records,
    {},
    today,
    DEFAULT_SCHEDULE,
  );
  for (const [i, site] of page.sites.entries())
    for (const measure of SCHEDULE_MEASURES)
      expect(site[measure], `${today} ${site.siteCode} ${measure}`).toEqual(expected[i]![measure]);
  return expected.reduce((sum, s) => sum + s.overdueForms.count, 0);
}

const WORK_KINDS: WorkKind[] = ["overdue", "due-this-week", "to-sign", "to-verify"];

/** Home: counts, counts per site and the oldest items equal buildWorkLists over every form. */
async function expectWorkEqualsReference(db: TestDatabase, actor: Actor, today: string) {
  const reference = await loadReferenceQualityInputs(db.prisma);
  const sites = await db.prisma.site.findMany({ select: { id: true, code: true } });
  const codeOf = new Map(sites.map((s) => [s.id, s.code]));
  const sitesFor = (permission: Permission): SiteSet => {
    const scope = scopeOf(actor, permission);
    return scope.kind === "all"
      ? "all"
      : new Set(scope.kind === "sites" ? scope.siteIds.map((id) => codeOf.get(id)!) : []);
  };
  const readable = sitesFor("patient.read");
  const inScope = (code: string) => readable === "all" || readable.has(code);
  const expected = buildWorkLists({
    patients: reference.patients.filter((p) => inScope(p.siteCode)),
    records: reference.records,
    queries: [],
    today,
    schedule: DEFAULT_SCHEDULE,
    abilities: {
      userId: actor.userId,
      enter: sitesFor("patient.write"),
      sign: sitesFor("form.sign"),
      verify: sitesFor("sdv.mark"),
      answer: new Set(),
      close: new Set(),
    },
  });
  const actual = (await getMyWork(actor, today)).lists;
  for (const kind of WORK_KINDS) {
    const want = expected.find((l) => l.kind === kind);
    const got = actual.find((l) => l.kind === kind);
    expect(got?.count, `${today} ${kind}`).toBe(want?.count);
    expect(got?.bySite, `${today} ${kind}`).toEqual(want?.bySite);
    // Items with the same date and subject may come in either order.
    const key = (i: { date: string | null; subjectId: string; formType: string; visitKey: string | null }) =>
      `${i.date}|${i.subjectId}|${i.formType}|${i.visitKey}`;
    expect(got?.items.map(key).sort(), `${today} ${kind} items`).toEqual(want?.items.map(key).sort());
  }
}

describe("schedule facts on the demo trial", () => {
  const { db, actors } = withDemoDatabase();
  beforeAll(async () => {
    expect((await seedDemoCohort("demo")).problems).toEqual([]);
  }, 300_000);

  test("kept facts equal a rebuild, and the page, home and grid counts equal the full computation", async () => {
    expect(await expectFactsEqualRebuild(db)).toBeGreaterThan(40);
    let overdueSeen = 0;
    for (const today of ["2024-03-01", "2025-06-15", "2026-02-10", "2026-12-06"]) {
      overdueSeen += await expectQualityEqualsReference(db, actors.coordinator, today);
      await expectWorkEqualsReference(db, actors.coordinator, today);
      await expectWorkEqualsReference(db, actors.investigator1, today);
      await expectWorkEqualsReference(db, actors.monitor, today);
    }
    expect(overdueSeen).toBeGreaterThan(0);
  });

  test("after a new form, a correction, a withdrawal, verification, a signature, enrollment and a death", async () => {
    const siteId = actors.investigator1.assignments[0]!.siteId!;
    const patient = await createEnrolledPatient(actors.investigator1, siteId, {
      screeningDate: "2026-01-02",
      consentDate: "2026-01-02",
      enrollmentDate: "2026-01-05",
    });
    const TODAY = "2026-03-20";
    const overdueOf = async () =>
      (await getDataQuality(actors.coordinator, TODAY)).sites
        .flatMap((s) => s.overdueForms.patients)
        .find((p) => p.id === patient.id)?.count ?? 0;
    // Day 1, week 4 and week 8 (with imaging): 2 + 2 + 3 forms, all past their window by 2026-03-20.
    expect(await overdueOf()).toBe(7);
    await expectFactsEqualRebuild(db);

    const labs = await recordLabs(actors.investigator1, patient.id, "day1", "2026-01-05", {
      platelets: { value: 200 },
    });
    expect(await overdueOf()).toBe(6);
    const corrected = await saveCrfRecord(actors.investigator1, {
      patientId: patient.id,
      formType: "labs",
      visitKey: null,
      recordId: labs.id,
      expectedVersion: labs.version,
      reason: "Transcription error",
      data: { ...(labs.data as object), sampleDate: "2026-01-06" },
    });
    await expectFactsEqualRebuild(db);
    if (corrected.status === "COMPLETE")
      await markSourceVerified(actors.monitor, {
        patientId: patient.id,
        recordId: corrected.id,
        version: corrected.version,
      });
    await db.query(`UPDATE crf_records SET signed_at = now(), signed_by_id = created_by_id WHERE id = $1`, [labs.id]);
    await expectFactsEqualRebuild(db);
    await db.query(`UPDATE crf_records SET signed_at = NULL, signed_by_id = NULL WHERE id = $1`, [labs.id]);
    await deleteCrfRecord(actors.investigator1, { patientId: patient.id, recordId: labs.id, reason: "Wrong patient" });
    expect(await overdueOf()).toBe(7);
    await expectFactsEqualRebuild(db);

    // The grid's overdue filter finds the patient by its subject ID.
    const grid = await getRecordStatusGrid(
      actors.coordinator,
      { sort: "subject", page: 1, q: patient.subjectId, state: "overdue" },
      TODAY,
    );
    expect(grid.rows.map((r) => r.subjectId)).toEqual([patient.subjectId]);

    // Off treatment on 2026-01-20: only day 1 is expected (2 forms, overdue); week 4 and 8 are not.
    await saveCrfRecord(actors.investigator1, {
      patientId: patient.id,
      formType: "end-of-study",
      visitKey: "end-of-study",
      recordId: null,
      expectedVersion: null,
      reason: null,
      data: {
        progressionDate: null,
        lastKnownAliveDate: "2026-01-20",
        deathDate: null,
        deathCause: null,
        deathCauseOther: null,
        offTreatmentDate: "2026-01-20",
        offTreatmentReason: "patient-decision",
        offTreatmentReasonOther: null,
        offStudyDate: null,
        offStudyReason: null,
        offStudyReasonOther: null,
      },
    });
    expect(await overdueOf()).toBe(2);
    await expectFactsEqualRebuild(db);
    await expectQualityEqualsReference(db, actors.coordinator, TODAY);
    await expectWorkEqualsReference(db, actors.investigator1, TODAY);
  });
});

describe("schedule facts on a generated trial", () => {
  const { db, actors } = withDemoDatabase();

  beforeAll(async () => {
    const summary = await generateTrial(db.url, { patients: 150, seed: 16 });
    expect(summary.rejected).toBe(0);
    await db.query(
      `UPDATE crf_records SET deleted_at = now() WHERE id IN (SELECT id FROM crf_records WHERE form_type = 'labs' ORDER BY id LIMIT 5)`,
    );
  }, 300_000);

  test("facts kept through bulk loads equal a rebuild; the page and home equal the full computation", async () => {
    expect(await expectFactsEqualRebuild(db)).toBe(150);
    let overdueSeen = 0;
    for (const today of ["2025-01-15", "2026-06-30", "2026-12-06"]) {
      overdueSeen += await expectQualityEqualsReference(db, actors.pi, today);
      await expectWorkEqualsReference(db, actors.pi, today);
      await expectWorkEqualsReference(db, actors.coordinator, today);
    }
    expect(overdueSeen).toBeGreaterThan(0);
  });
});
