import { describe, expect, test } from "vitest";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { emptyEndOfStudy } from "@/lib/forms/end-of-study-form";
import {
  createEnrolledPatient,
  recordMaleBaselineAndCounselling,
  DAY1_2026_01_12,
} from "@/test/integration/enrolled-patient";
import { saveNewRecord, type NewRecordArgs } from "@/test/integration/new-record";
import { dosingVisit, drugGiven } from "@/test/fixtures/dosing-data";
import { labsOn } from "@/test/fixtures/labs-data";
import { liverT1, lungT2, tumourBaseline as baselineOf, tumourFollowUp } from "@/test/integration/tumour-fixtures";
import { deleteCrfRecord, saveCrfRecord, type CrfRecordView } from "./crf-records";
import { signCrfRecord } from "./form-review";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

const save = (...args: NewRecordArgs) => saveNewRecord(actors.investigator1, ...args);
const edit = (patientId: string, record: CrfRecordView, data: unknown, reason = "Transcription error corrected") =>
  saveCrfRecord(actors.investigator1, {
    patientId,
    formType: record.formType,
    visitKey: record.visitKey,
    recordId: record.id,
    expectedVersion: record.version,
    reason,
    data,
  });
const reload = (id: string) => db.prisma.crfRecord.findUniqueOrThrow({ where: { id } });
const computedOf = async (id: string) => (await reload(id)).computed as Record<string, unknown>;

/** Enrolled, with what dispensing thalidomide needs (a male baseline and counselling on contraception). */
async function enrolledPatient() {
  const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_12);
  await recordMaleBaselineAndCounselling(actors.investigator1, patient.id, "2026-01-08");
  return patient;
}

const dosing = (visitDate: string, weightKg: number, returned: number | null = null) =>
  dosingVisit({
    visitDate,
    weightKg,
    heightCm: 180,
    uft: drugGiven(168, { capsulesReturned: returned }),
    thalidomide: drugGiven(112, { capsulesReturned: returned === null ? null : 0 }),
  });
const tumourBaseline = (t1 = 62) => baselineOf([liverT1(t1), lungT2(38)]);
const followUp = (assessmentDate: string, t1: number, t2: number) => tumourFollowUp(assessmentDate, t1, t2, "ABSENT");
const labs = (sampleDate: string, ast: number) => labsOn(sampleDate, { ast });
const recomputeAudit = (entityId: string) =>
  db.prisma.auditEvent.findMany({
    where: { entityId, action: { in: ["RECOMPUTE", "UNSIGN"] } },
    orderBy: { id: "asc" },
  });

describe("recomputing dependent forms in the transaction of the change", () => {
  test("correcting the day 1 weight recomputes the week 4 weight-change flag and compliance, versioned and audited", async () => {
    const patient = await enrolledPatient();
    const day1 = await save(patient.id, "dosing", "day1", dosing("2026-01-12", 80));
    const week4 = await save(patient.id, "dosing", "week4", dosing("2026-02-09", 70, 12));
    expect(week4.computed.weightChange).toMatchObject({ previousWeightKg: 80, changePct: -12.5, recalculate: true });

    await edit(patient.id, day1, {
      ...dosing("2026-01-12", 75),
      uft: { ...drugGiven(180), prescribedCapsulesPerDose: null, overrideReason: "" },
    });

    const after = await reload(week4.id);
    expect(after.version).toBe(2);
    expect(after.computed).toMatchObject({
      weightChange: { previousWeightKg: 75, recalculate: false, message: null },
      uft: { compliance: { dispensed: 180, returned: 12 } },
    });
    const [audit, ...more] = await recomputeAudit(week4.id);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      action: "RECOMPUTE",
      entityType: "form:dosing",
      actorId: actors.investigator1.userId,
      reason: `Recomputed after change to Dosing ${day1.id}`,
    });
    expect(audit!.changes).toEqual(
      expect.arrayContaining([
        { field: "computed.weightChange.previousWeightKg", from: 80, to: 75 },
        { field: "computed.weightChange.recalculate", from: true, to: false },
        { field: "computed.uft.compliance.dispensed", from: 168, to: 180 },
      ]),
    );
    // The record's own data and its audit of data changes are untouched.
    expect(after.data).toEqual(expect.objectContaining({ weightKg: 70 }));
    expect(await db.prisma.auditEvent.count({ where: { entityId: week4.id, action: "UPDATE" } })).toBe(0);
  });

  test("correcting the baseline tumour sum recomputes the follow-up's change from baseline and its response", async () => {
    const patient = await enrolledPatient();
    const baseline = await save(patient.id, "tumour-baseline", "baseline-imaging", tumourBaseline(62));
    const week8 = await save(patient.id, "tumour-assessment", "week8", followUp("2026-03-09", 40, 26));
    expect(week8.computed).toMatchObject({
      baselineSumMm: 100,
      currentSumMm: 66,
      pctFromBaseline: -34,
      response: "PR",
    });

    await edit(patient.id, baseline, tumourBaseline(52));

    expect(await computedOf(week8.id)).toMatchObject({ baselineSumMm: 90, currentSumMm: 66, response: "SD" });
    expect((await computedOf(week8.id)).pctFromBaseline).toBeCloseTo(-26.667, 2);
    const [audit] = await recomputeAudit(week8.id);
    expect(audit!.changes).toEqual(
      expect.arrayContaining([
        { field: "computed.baselineSumMm", from: 100, to: 90 },
        { field: "computed.response", from: "PR", to: "SD" },
      ]),
    );
  });

  test("correcting the assessment that set the nadir changes a later response, in date order, through to PFS; a signed later form loses its signature", async () => {
    const patient = await enrolledPatient();
    await save(patient.id, "tumour-baseline", "baseline-imaging", tumourBaseline(62));
    const week8 = await save(patient.id, "tumour-assessment", "week8", followUp("2026-03-09", 36, 24));
    const week16 = await save(patient.id, "tumour-assessment", "week16", followUp("2026-05-04", 45, 30));
    expect(week8.computed).toMatchObject({ currentSumMm: 60, response: "PR" });
    expect(week16.computed).toMatchObject({ nadirSumMm: 60, currentSumMm: 75, response: "PD" });
    const endOfStudy = await save(patient.id, "end-of-study", "end-of-study", {
      ...emptyEndOfStudy(),
      lastKnownAliveDate: "2026-06-01",
    });
    expect(endOfStudy.computed).toMatchObject({
      progressionDate: "2026-05-04",
      progressionSource: "assessments",
      pfsEvent: 1,
    });
    await signCrfRecord(actors.investigator1, { patientId: patient.id, recordId: week16.id, password: DEMO_PASSWORD });

    await edit(patient.id, week8, followUp("2026-03-09", 44, 26));

    const later = await reload(week16.id);
    expect(later.computed).toMatchObject({ nadirSumMm: 70, currentSumMm: 75, response: "SD" });
    expect(later).toMatchObject({ version: 2, signedAt: null, signedById: null });
    expect((await recomputeAudit(week16.id)).map((a) => a.action)).toEqual(["RECOMPUTE", "UNSIGN"]);
    // PFS is no longer an event at the first PD: censored at the last assessment.
    expect(await computedOf(endOfStudy.id)).toMatchObject({
      progressionDate: null,
      assessedProgressionDate: null,
      pfsEvent: 0,
      pfsDays: 112,
    });
  });

  test("withdrawing a record recomputes the records that depended on it", async () => {
    const patient = await enrolledPatient();
    await save(patient.id, "tumour-baseline", "baseline-imaging", tumourBaseline(62));
    const week8 = await save(patient.id, "tumour-assessment", "week8", followUp("2026-03-09", 36, 24));
    const week16 = await save(patient.id, "tumour-assessment", "week16", followUp("2026-05-04", 45, 30));
    expect(week16.computed).toMatchObject({ response: "PD" });

    await deleteCrfRecord(actors.investigator1, {
      patientId: patient.id,
      recordId: week8.id,
      reason: "Entered for the wrong patient",
    });

    expect(await computedOf(week16.id)).toMatchObject({ nadirSumMm: 100, response: "SD" });
    const [audit] = await recomputeAudit(week16.id);
    expect(audit!.reason).toBe(`Recomputed after withdrawal of Tumour assessment ${week8.id}`);
  });

  test("correcting the baseline labs regrades a later result that CTCAE v5.0 grades against baseline", async () => {
    const patient = await enrolledPatient();
    const day1 = await save(patient.id, "labs", "day1", labs("2026-01-12", 100));
    const week4 = await save(patient.id, "labs", "week4", labs("2026-02-09", 200));
    // Baseline abnormal (100 U/L > ULN 40): 200 U/L is 2 x baseline, grade 1.
    expect(week4.computed).toMatchObject({ results: { ast: { grade: 1, baselineValue: 100 } } });

    await edit(patient.id, day1, labs("2026-01-12", 30));

    // Normal baseline: 200 U/L is 5 x ULN, grade 2 (> 3.0 - 5.0 x ULN).
    expect(await computedOf(week4.id)).toMatchObject({
      maxGrade: 2,
      results: { ast: { grade: 2, baselineValue: 30 } },
    });
    const [audit] = await recomputeAudit(week4.id);
    expect(audit!.changes).toEqual(expect.arrayContaining([{ field: "computed.results.ast.grade", from: 1, to: 2 }]));
  });

  test("day-1 labs entered after week 8 become the pre-treatment baseline: week 8 is regraded, audited as RECOMPUTE", async () => {
    const patient = await enrolledPatient();
    await save(patient.id, "dosing", "day1", dosing("2026-01-12", 80));
    // The patient: no day-1 labs, AST 3 x ULN at week 4 and 4 x ULN at week 8 (ULN 40 U/L).
    const week4 = await save(patient.id, "labs", "week4", labs("2026-02-09", 120));
    const week8 = await save(patient.id, "labs", "week8", labs("2026-03-09", 160));
    // Never graded against the on-treatment week 4: no baseline, graded as if normal (grade 2), and said so.
    expect(week8.computed).toMatchObject({
      baseline: { status: "missing", treatmentStart: "2026-01-12", missingTests: ["ast"] },
      results: {
        ast: {
          grade: 2,
          baselineValue: null,
          basis: ">3.0 - 5.0 x ULN (no pre-treatment baseline: graded as if normal)",
        },
      },
    });

    // Day-1 labs (abnormal AST 100 U/L, drawn on the day of the first dose) arrive late.
    await save(patient.id, "labs", "day1", labs("2026-01-12", 100));

    // Baseline abnormal: 160 is 1.6 x baseline (grade 1), 120 is 1.2 x baseline (grade 0).
    expect(await computedOf(week8.id)).toMatchObject({
      baseline: { status: "complete", sources: [{ visitKey: "day1", sampleDate: "2026-01-12" }], missingTests: [] },
      results: { ast: { grade: 1, baselineValue: 100, baselineDate: "2026-01-12" } },
    });
    expect(await computedOf(week4.id)).toMatchObject({ results: { ast: { grade: 0, baselineValue: 100 } } });
    const [audit] = await recomputeAudit(week8.id);
    expect(audit).toMatchObject({
      action: "RECOMPUTE",
      reason: expect.stringMatching(/^Recomputed after change to Laboratory results /),
    });
    expect(audit!.changes).toEqual(
      expect.arrayContaining([
        { field: "computed.results.ast.grade", from: 2, to: 1 },
        { field: "computed.results.ast.baselineValue", from: null, to: 100 },
      ]),
    );
  });

  test("the first dose date sets the pre-treatment cut: moving it regrades labs, a later dosing visit does not", async () => {
    const patient = await enrolledPatient();
    const day1Dose = await save(patient.id, "dosing", "day1", dosing("2026-01-12", 80));
    await save(patient.id, "labs", "day1", labs("2026-01-14", 100));
    const week4 = await save(patient.id, "labs", "week4", labs("2026-02-09", 160));
    // Sampled two days after the first dose: on treatment, so not a baseline.
    expect(week4.computed).toMatchObject({
      baseline: { status: "missing" },
      results: { ast: { grade: 2, baselineValue: null } },
    });

    // A later dosing visit leaves the first dose where it was: the labs are not touched.
    await save(patient.id, "dosing", "week4", dosing("2026-02-09", 80, 0));
    expect((await reload(week4.id)).version).toBe(1);

    // The first dose was really on 01-14, after the day-1 labs were drawn.
    await edit(patient.id, day1Dose, dosing("2026-01-14", 80));
    expect(await computedOf(week4.id)).toMatchObject({
      baseline: { status: "complete" },
      results: { ast: { grade: 1, baselineValue: 100 } },
    });
    const [audit] = await recomputeAudit(week4.id);
    expect(audit!.reason).toBe(`Recomputed after change to Dosing ${day1Dose.id}`);
  });

  test("only later records of a chain are recomputed, and an edit that moves a record in time reaches those it passed", async () => {
    const patient = await enrolledPatient();
    const day1 = await save(patient.id, "labs", "day1", labs("2026-01-12", 100));
    const week4 = await save(patient.id, "labs", "week4", labs("2026-02-09", 200));
    // A new result dated after both changes neither of them.
    await save(patient.id, "labs", "week8", labs("2026-03-09", 120));
    expect([await reload(day1.id), await reload(week4.id)].map((r) => r.version)).toEqual([1, 1]);

    // The baseline panel re-dated after week 4: week 4 is now the earliest panel, so its
    // baseline is gone, although it lies before the record's new date.
    await edit(patient.id, day1, labs("2026-02-20", 100));
    expect(await computedOf(week4.id)).not.toMatchObject({ results: { ast: { baselineValue: 100 } } });
    expect(await recomputeAudit(week4.id)).toHaveLength(1);
  });

  test("a recompute that fails rolls back the edit that caused it", async () => {
    const patient = await enrolledPatient();
    const day1 = await save(patient.id, "dosing", "day1", dosing("2026-01-12", 80));
    const week4 = await save(patient.id, "dosing", "week4", dosing("2026-02-09", 70, 12));
    const auditBefore = await db.prisma.auditEvent.count({ where: { patientId: patient.id } });
    // A real failure in the database while the dependent record is written.
    await db.query(
      `CREATE FUNCTION refuse_week4() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused in test'; END $$ LANGUAGE plpgsql`,
    );
    await db.query(
      `CREATE TRIGGER refuse_week4 BEFORE UPDATE ON crf_records FOR EACH ROW WHEN (OLD.id = '${week4.id}') EXECUTE FUNCTION refuse_week4()`,
    );
    try {
      await expect(edit(patient.id, day1, dosing("2026-01-12", 75))).rejects.toThrow(/refused in test/);
    } finally {
      await db.query(`DROP TRIGGER refuse_week4 ON crf_records; DROP FUNCTION refuse_week4()`);
    }
    expect(await reload(day1.id)).toMatchObject({ version: 1, data: expect.objectContaining({ weightKg: 80 }) });
    expect(await reload(week4.id)).toMatchObject({
      version: 1,
      computed: expect.objectContaining({ weightChange: expect.objectContaining({ recalculate: true }) }),
    });
    expect(await db.prisma.auditEvent.count({ where: { patientId: patient.id } })).toBe(auditBefore);
  });

  test("a change to a form nothing depends on recomputes nothing", async () => {
    const patient = await enrolledPatient();
    const week4 = await save(patient.id, "dosing", "week4", dosing("2026-02-09", 70));
    await save(patient.id, "tumour-baseline", "baseline-imaging", tumourBaseline(62));
    expect(await reload(week4.id)).toMatchObject({ version: 1 });
    expect(await recomputeAudit(week4.id)).toEqual([]);
  });
});
