import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateTrial } from "@/bench/generate-trial";
import { getFormProjection } from "@/lib/forms/projections";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";
import { countRows, snapshotTypedTables } from "@/test/integration/typed-tables";
import { rebuildProjections } from "./projections-rebuild";

/**
 * A generated trial (bench/generate-trial.ts writes crf_records in bulk, outside the save path):
 * a rebuild fills the typed tables, a second changes nothing, and the database itself refuses
 * rows that can never be true, whoever writes them.
 */
describe("typed tables on a generated trial", () => {
  let db: TestDatabase;
  let record: { id: string; patient_id: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    const summary = await generateTrial(db.url, { patients: 150, seed: 14 });
    expect(summary.rejected).toBe(0);
    // A withdrawn form has no typed rows.
    await db.query(
      `UPDATE crf_records SET deleted_at = now() WHERE id = (SELECT id FROM crf_records WHERE form_type = 'adverse-event' ORDER BY id LIMIT 1)`,
    );
    ({
      rows: [record],
    } = (await db.query<{ id: string; patient_id: string }>(
      `SELECT id, patient_id FROM crf_records WHERE form_type = 'adverse-event' AND deleted_at IS NULL ORDER BY id LIMIT 1`,
    )) as unknown as { rows: [typeof record] });
  }, 300_000);
  afterAll(() => db.drop());

  test("a rebuild fills every table from the saved forms, and rebuilding again changes nothing", async () => {
    const first = await rebuildProjections(db.prisma);
    console.log(`generated trial: ${first.records} forms projected in ${first.seconds} s:`, first.rows);
    // Every table of every form type the generator writes has rows.
    const { rows: types } = await db.query<{ form_type: string }>(
      `SELECT DISTINCT form_type FROM crf_records WHERE deleted_at IS NULL`,
    );
    const tables = types.flatMap((t) => getFormProjection(t.form_type)?.tables ?? []);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) expect(first.rows[table], table).toBeGreaterThan(0);
    const before = await snapshotTypedTables(db);
    expect(countRows(before)).toEqual(first.rows);
    const second = await rebuildProjections(db.prisma);
    expect(second.records).toBe(first.records);
    expect(await snapshotTypedTables(db)).toEqual(before);
    const withdrawn = await db.query(
      `SELECT count(*)::int AS n FROM adverse_events a JOIN crf_records r ON r.id = a.crf_record_id WHERE r.deleted_at IS NOT NULL`,
    );
    expect(withdrawn.rows[0]!.n).toBe(0);
  });

  const insertAdverseEvent = (overrides: Record<string, string>) => {
    const values: Record<string, string> = {
      patient_id: `'${record.patient_id}'`,
      crf_record_id: `'${record.id}'`,
      term: "'Fatigue'",
      grade: "2",
      onset_date: "'2026-01-10'",
      ongoing: "true",
      sae_death: "false",
      sae_life_threatening: "false",
      sae_hospitalization: "false",
      sae_disability: "false",
      sae_congenital_anomaly: "false",
      sae_other_important: "false",
      ...overrides,
    };
    return db.query(
      `INSERT INTO adverse_events (${Object.keys(values)
        .map((c) => `"${c}"`)
        .join(", ")}) VALUES (${Object.values(values).join(", ")})`,
    );
  };

  test("a valid row goes in (the control for the refusals below)", async () => {
    await insertAdverseEvent({});
    await db.query(
      `DELETE FROM adverse_events WHERE crf_record_id = $1 AND term = 'Fatigue' AND grade = 2 AND onset_date = '2026-01-10'`,
      [record.id],
    );
  });

  test.each([
    ["a grade outside CTCAE's 1 to 5", { grade: "6" }, /adverse_events_grade_check/],
    [
      "a resolution before the onset",
      { ongoing: "false", resolution_date: "'2026-01-01'" },
      /adverse_events_resolution_check/,
    ],
    ["a death date on a grade 2 event", { death_date: "'2026-01-12'" }, /adverse_events_death_check/],
    ["an attribution off the scale", { attribution_uft: "'certain'" }, /adverse_events_attribution_check/],
    ["a source form that does not exist", { crf_record_id: "gen_random_uuid()" }, /adverse_events_crf_record_id_fkey/],
    ["a patient that does not exist", { patient_id: "gen_random_uuid()" }, /adverse_events_patient_id_fkey/],
  ])("an adverse event with %s is refused", async (_what, overrides, message) => {
    await expect(insertAdverseEvent(overrides)).rejects.toThrow(message);
  });

  test.each([
    [
      "a drug outside the protocol",
      `INSERT INTO dose_administrations (patient_id, crf_record_id, visit_date, drug, dose_level, status, dose_overridden, weight_kg, height_cm) VALUES ($1, $2, '2026-01-10', 'aspirin', 0, 'given', false, 60, 165)`,
      /dose_administrations_drug_check/,
    ],
    [
      "a dose held without a reason",
      `INSERT INTO dose_administrations (patient_id, crf_record_id, visit_date, drug, dose_level, status, dose_overridden, weight_kg, height_cm) VALUES ($1, $2, '2026-01-10', 'uft', 0, 'held', false, 60, 165)`,
      /dose_administrations_reason_when_not_given_check/,
    ],
    [
      "a negative lab value",
      `INSERT INTO lab_results (patient_id, crf_record_id, sample_date, test, value, unit) VALUES ($1, $2, '2026-01-10', 'albumin', -1, 'g/L')`,
      /lab_results_values_check/,
    ],
    [
      "an LLN above the ULN",
      `INSERT INTO lab_results (patient_id, crf_record_id, sample_date, test, value, unit, lln, uln) VALUES ($1, $2, '2026-01-10', 'albumin', 40, 'g/L', 50, 35)`,
      /lab_results_range_check/,
    ],
    [
      "a measured lesion without a size",
      `INSERT INTO lesion_measurements (patient_id, crf_record_id, assessment_date, lesion_id, status) VALUES ($1, $2, '2026-01-10', 'T1', 'measured')`,
      /lesion_measurements_diameter_check/,
    ],
    [
      "a value below the LLOQ",
      `INSERT INTO cytokine_results (patient_id, crf_record_id, sample_date, analyte, value, unit, lloq, below_lloq) VALUES ($1, $2, '2026-01-10', 'IL-6', 1, 'pg/mL', 2, true)`,
      /cytokine_results_below_lloq_check/,
    ],
    [
      "a response RECIST does not have",
      `INSERT INTO timepoint_responses (patient_id, crf_record_id, assessment_date, response, response_overridden, recist_version) VALUES ($1, $2, '2026-01-10', 'MR', false, '1.0')`,
      /timepoint_responses_response_check/,
    ],
    [
      "someone known alive after their death",
      `INSERT INTO end_of_study (patient_id, crf_record_id, death_date, death_cause, last_known_alive_date) VALUES ($1, $2, '2026-01-10', 'other', '2026-02-01')`,
      /end_of_study_dates_check/,
    ],
  ])("%s is refused", async (_what, sql, message) => {
    await expect(db.query(sql, [record.patient_id, record.id])).rejects.toThrow(message);
  });

  test("a form naming a user who does not exist is refused (the four *_by_id columns have foreign keys)", async () => {
    for (const column of ["created_by_id", "updated_by_id", "signed_by_id", "sdv_by_id"]) {
      await expect(
        db.query(`UPDATE crf_records SET "${column}" = gen_random_uuid() WHERE id = $1`, [record.id]),
      ).rejects.toThrow(new RegExp(`crf_records_${column}_fkey`));
    }
  });

  test("a statistician's login role, a member of trialdesk_analyst, reads the analysis views and nothing else", async () => {
    await rebuildProjections(db.prisma);
    const login = `analyst_${randomBytes(4).toString("hex")}`;
    const password = randomBytes(12).toString("hex");
    await db.query(`CREATE ROLE "${login}" LOGIN PASSWORD '${password}' IN ROLE "trialdesk_analyst"`);
    await db.query(`GRANT CONNECT ON DATABASE "${db.name}" TO "${login}"`);
    const url = new URL(db.url);
    url.username = login;
    url.password = password;
    const analyst = new pg.Client({ connectionString: url.toString() });
    await analyst.connect();
    try {
      const patients = await analyst.query(
        `SELECT subject_id, site_code, enrollment_date, pfs_months, os_months, best_timepoint_response FROM analysis.patients`,
      );
      const [{ n: registered }] = (
        await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM patients WHERE deleted_at IS NULL`)
      ).rows as [{ n: number }];
      expect(patients.rows).toHaveLength(registered);
      expect(
        patients.rows.filter((p: { best_timepoint_response: string | null }) => p.best_timepoint_response !== null)
          .length,
      ).toBeGreaterThan(0);
      for (const view of [
        "adverse_events",
        "lab_results",
        "dose_administrations",
        "tumour_lesions",
        "lesion_measurements",
        "timepoint_responses",
        "cytokine_results",
      ]) {
        const seen = await analyst.query(`SELECT count(*)::int AS n FROM analysis.${view}`);
        const stored = await db.query(`SELECT count(*)::int AS n FROM ${view}`);
        expect(seen.rows[0].n, view).toBe(stored.rows[0]!.n);
      }
      const grade3 = await analyst.query(
        `SELECT term, count(*)::int AS n FROM analysis.adverse_events WHERE grade >= 3 GROUP BY term ORDER BY n DESC`,
      );
      console.log("grade 3+ adverse events by term, as the analyst reads them:", grade3.rows.slice(0, 3));
      await expect(analyst.query(`SELECT * FROM public.crf_records LIMIT 1`)).rejects.toThrow(
        /permission denied for table crf_records/,
      );
      await expect(analyst.query(`SELECT * FROM public.adverse_events LIMIT 1`)).rejects.toThrow(
        /permission denied for table adverse_events/,
      );
      await expect(analyst.query(`INSERT INTO public.adverse_events (term) VALUES ('Fatigue')`)).rejects.toThrow(
        /permission denied for table adverse_events/,
      );
      await expect(analyst.query(`DELETE FROM analysis.adverse_events`)).rejects.toThrow(
        /permission denied|cannot delete from view/,
      );
      const { rows: privileges } = await analyst.query(
        `SELECT table_name, privilege_type FROM information_schema.table_privileges WHERE grantee = 'trialdesk_analyst' ORDER BY table_name, privilege_type`,
      );
      expect(new Set(privileges.map((p: { privilege_type: string }) => p.privilege_type))).toEqual(new Set(["SELECT"]));
      await expect(analyst.query(`CREATE TABLE analysis.mine (x int)`)).rejects.toThrow(
        /permission denied for schema analysis/,
      );
    } finally {
      await analyst.end();
      await db.query(`DROP OWNED BY "${login}"`);
      await db.query(`DROP ROLE "${login}"`);
    }
  });
});
