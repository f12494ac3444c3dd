import { beforeAll, describe, expect, test } from "vitest";
import { seedDemoCohort } from "@/lib/demo/seed-demo-cohort";
import { PROJECTED_FORM_TYPES, PROJECTION_TABLES, PROJECTION_TABLE_NAMES } from "@/lib/forms/projections";
import { withDemoDatabase } from "@/test/integration/with-demo-database";
import { CHANGE_TRACKED_TABLES, countRows, snapshotTypedTables } from "@/test/integration/typed-tables";
import { deleteCrfRecord, saveCrfRecord } from "./crf-records";
import { rebuildProjections } from "./projections-rebuild";

type Data = Record<string, unknown> & { [key: string]: never | unknown };
interface StoredForm {
  id: string;
  patientId: string;
  siteId: string;
  formType: string;
  data: Data;
  version: number;
}

/**
 * One small correction per projected form that keeps it valid, or null when this record has
 * nothing it applies to (the test then tries the next record of the form). Some change
 * computed values and so recompute other forms (a baseline lesion's size moves every later
 * tumour response and the end-of-study endpoints).
 */
const CORRECTIONS: Record<string, (data: Data) => Data | null> = {
  "adverse-event": (d) => {
    const attribution = d.attribution as { thalidomide: string; uft: string };
    return { ...d, attribution: { ...attribution, uft: attribution.uft === "possible" ? "unlikely" : "possible" } };
  },
  dosing: (d) => {
    const thal = d.thalidomide as { capsulesReturned: number | null; capsulesDispensed: number | null };
    if (
      thal.capsulesReturned === null ||
      thal.capsulesDispensed === null ||
      thal.capsulesReturned >= thal.capsulesDispensed
    )
      return null;
    return { ...d, thalidomide: { ...thal, capsulesReturned: thal.capsulesReturned + 1 } };
  },
  labs: (d) => {
    const results = d.results as Record<string, { value: number | null }>;
    const albumin = results.albumin;
    if (!albumin || albumin.value === null) return null;
    return {
      ...d,
      results: { ...results, albumin: { ...albumin, value: Math.round((albumin.value + 0.1) * 10) / 10 } },
    };
  },
  "tumour-baseline": (d) => {
    const lesions = d.targetLesions as { longestDiameterMm: number | null }[];
    if (!lesions[0] || lesions[0].longestDiameterMm === null) return null;
    return {
      ...d,
      targetLesions: [{ ...lesions[0], longestDiameterMm: lesions[0].longestDiameterMm + 2 }, ...lesions.slice(1)],
    };
  },
  "tumour-assessment": (d) => {
    const measurements = d.measurements as { status: string | null; diameterMm: number | null }[];
    const i = measurements.findIndex((m) => m.status === "measured" && m.diameterMm !== null);
    if (i < 0) return null;
    return {
      ...d,
      measurements: measurements.map((m, j) => (j === i ? { ...m, diameterMm: (m.diameterMm ?? 0) + 1 } : m)),
    };
  },
  cytokines: (d) => {
    const analytes = d.analytes as { value: number | null }[];
    const i = analytes.findIndex((a) => a.value !== null);
    if (i < 0) return null;
    return { ...d, analytes: analytes.map((a, j) => (j === i ? { ...a, value: (a.value ?? 0) + 1 } : a)) };
  },
  // Consent a day earlier: still on or before enrollment.
  eligibility: (d) => ({
    ...d,
    consentDate: new Date(Date.parse(`${String(d.consentDate)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
  }),
  "end-of-study": (d) => (d.lastKnownAliveDate && !d.deathDate ? { ...d, lastKnownAliveDate: null } : null),
};

describe("typed tables and efficacy facts = a rebuild from crf_records (demo cohort, through the write path)", () => {
  const { db, actors } = withDemoDatabase();

  const investigatorOf = (siteId: string) =>
    [actors.investigator1, actors.investigator2, actors.investigator3].find((a) =>
      a.assignments.some((r) => r.siteId === siteId),
    )!;
  const formsOf = async (formType: string): Promise<StoredForm[]> =>
    (await db.prisma.crfRecord.findMany({
      where: { formType, deletedAt: null, signedAt: null },
      orderBy: { id: "asc" },
    })) as unknown as StoredForm[];
  /** The typed tables as the write path left them, and as a rebuild makes them: they must be equal. */
  const expectEqualToRebuild = async () => {
    const incremental = await snapshotTypedTables(db);
    const incrementalFacts = await snapshotEfficacyFacts();
    await rebuildProjections(db.prisma);
    const rebuilt = await snapshotTypedTables(db);
    expect(countRows(incremental)).toEqual(countRows(rebuilt));
    expect(incremental).toEqual(rebuilt);
    // The per-patient efficacy facts (lib/data/efficacy-facts.ts) the same save kept: every enrolled patient's.
    expect(incrementalFacts).toHaveLength(43);
    expect(incrementalFacts).toEqual(await snapshotEfficacyFacts());
    return rebuilt;
  };
  const snapshotEfficacyFacts = async () =>
    (
      await db.query<{ row: string }>(
        `SELECT (to_jsonb(f) - 'updated_at' - 'change_xid')::text AS "row" FROM patient_efficacy_facts f ORDER BY patient_id`,
      )
    ).rows.map((r) => r.row);

  beforeAll(async () => {
    const report = await seedDemoCohort("demo");
    expect(report.problems).toEqual([]);
  }, 300_000);

  test("the typed tables list the columns of the migrated tables", async () => {
    for (const table of PROJECTION_TABLE_NAMES) {
      const { rows } = await db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [table],
      );
      expect(rows.map((r) => r.column_name).sort()).toEqual(
        [
          "id",
          "patient_id",
          "crf_record_id",
          ...Object.keys(PROJECTION_TABLES[table]),
          ...(CHANGE_TRACKED_TABLES.includes(table) ? ["change_xid"] : []),
        ].sort(),
      );
    }
  });

  test("the demo cohort as saved: every projected form has rows, and a rebuild changes nothing", async () => {
    const rebuilt = await expectEqualToRebuild();
    const counts = countRows(rebuilt);
    console.log("typed rows of the demo cohort:", counts);
    for (const table of PROJECTION_TABLE_NAMES) expect(counts[table], table).toBeGreaterThan(0);
    // One row per dosing visit and drug, one per adverse event, one per lab test done.
    expect(counts.dose_administrations).toBe(
      2 * (await db.prisma.crfRecord.count({ where: { formType: "dosing", deletedAt: null } })),
    );
    expect(counts.adverse_events).toBe(
      await db.prisma.crfRecord.count({ where: { formType: "adverse-event", deletedAt: null } }),
    );
    const [{ tests }] = (
      await db.query<{ tests: number }>(
        `SELECT count(*)::int AS tests FROM crf_records r, jsonb_each(r.data->'results') e WHERE r.form_type = 'labs' AND r.deleted_at IS NULL AND e.value->'value' <> 'null'::jsonb`,
      )
    ).rows as [{ tests: number }];
    expect(counts.lab_results).toBe(tests);
  });

  test.each(PROJECTED_FORM_TYPES)(
    "a correction of a %s form (and what it recomputes) leaves the typed rows equal to a rebuild",
    async (formType) => {
      const correct = CORRECTIONS[formType]!;
      let corrected: StoredForm | null = null;
      for (const form of await formsOf(formType)) {
        const data = correct(form.data);
        if (!data) continue;
        await saveCrfRecord(investigatorOf(form.siteId), {
          patientId: form.patientId,
          formType,
          visitKey: null,
          recordId: form.id,
          expectedVersion: form.version,
          reason: "Transcription error",
          data,
        });
        corrected = form;
        break;
      }
      expect(corrected, `no ${formType} form could be corrected`).not.toBeNull();
      await expectEqualToRebuild();
    },
  );

  test.each(PROJECTED_FORM_TYPES)(
    "withdrawing a %s form removes its rows and keeps the rest equal to a rebuild",
    async (formType) => {
      const [form] = await formsOf(formType);
      expect(form).toBeDefined();
      const before = await db.query(
        `SELECT count(*)::int AS n FROM (${PROJECTION_TABLE_NAMES.map((t) => `SELECT 1 FROM "${t}" WHERE crf_record_id = $1`).join(" UNION ALL ")}) x`,
        [form!.id],
      );
      expect(before.rows[0]!.n).toBeGreaterThan(0);
      await deleteCrfRecord(investigatorOf(form!.siteId), {
        patientId: form!.patientId,
        recordId: form!.id,
        reason: "Entered for the wrong patient",
      });
      const after = await db.query(
        `SELECT count(*)::int AS n FROM (${PROJECTION_TABLE_NAMES.map((t) => `SELECT 1 FROM "${t}" WHERE crf_record_id = $1`).join(" UNION ALL ")}) x`,
        [form!.id],
      );
      expect(after.rows[0]!.n).toBe(0);
      await expectEqualToRebuild();
    },
  );

  test("a recomputation rewrites the dependents' typed rows: a baseline lesion's size moves the later responses", async () => {
    // A baseline with target lesions whose patient has follow-up responses to move (ids are random:
    // the first baseline by id may belong to a patient who died before the first assessment).
    const assessed = new Set(
      (await db.query<{ patient_id: string }>(`SELECT DISTINCT patient_id FROM timepoint_responses`)).rows.map(
        (r) => r.patient_id,
      ),
    );
    const [baseline] = (await formsOf("tumour-baseline")).filter(
      (f) => (f.data.targetLesions as unknown[]).length > 0 && assessed.has(f.patientId),
    );
    const responsesBefore = await db.query<{ pct: number | null }>(
      `SELECT pct_from_baseline AS pct FROM timepoint_responses WHERE patient_id = $1 ORDER BY assessment_date`,
      [baseline!.patientId],
    );
    expect(responsesBefore.rows.length).toBeGreaterThan(0);
    const data = CORRECTIONS["tumour-baseline"]!(baseline!.data)!;
    await saveCrfRecord(investigatorOf(baseline!.siteId), {
      patientId: baseline!.patientId,
      formType: "tumour-baseline",
      visitKey: null,
      recordId: baseline!.id,
      expectedVersion: baseline!.version,
      reason: "Remeasured",
      data,
    });
    const responsesAfter = await db.query<{ pct: number | null }>(
      `SELECT pct_from_baseline AS pct FROM timepoint_responses WHERE patient_id = $1 ORDER BY assessment_date`,
      [baseline!.patientId],
    );
    expect(responsesAfter.rows).not.toEqual(responsesBefore.rows);
    await expectEqualToRebuild();
  });
});
