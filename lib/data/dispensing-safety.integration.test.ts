import { describe, expect, test } from "vitest";
import { getPregnancyPreventionRules, updatePregnancyPreventionRules } from "@/lib/data/pregnancy-prevention-settings";
import { listToxicityReviewQueue, recordToxicityReview } from "@/lib/data/toxicity-review";
import { ForbiddenError } from "@/lib/errors";
import { createEnrolledPatient, DAY1_2026_01_10 } from "@/test/integration/enrolled-patient";
import { fieldErrorsOf } from "@/test/integration/field-errors-of";
import { saveNewRecord, type NewRecordArgs } from "@/test/integration/new-record";
import { compensatedBaseline } from "@/test/fixtures/baseline-data";
import { dosingVisit, drugGiven } from "@/test/fixtures/dosing-data";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

const dosing = (visitDate: string, thalidomide: object = {}) =>
  dosingVisit({
    visitDate,
    weightKg: 55,
    heightCm: 158,
    uft: drugGiven(112),
    thalidomide: drugGiven(112, thalidomide),
  });
const baseline = (sex: "female" | "male") =>
  compensatedBaseline({
    assessmentDate: "2026-01-08",
    sex,
    ageYears: 34,
    ethnicity: "Han Chinese",
    heightCm: 158,
    weightKg: 55,
  });
const pregnancyTest = (testDate: string, result: "negative" | "positive" | null, extra: object = {}) => ({
  testDate,
  category: "female-reproductive-potential",
  noPotentialReason: null,
  counselled: true,
  method: result ? "urine-hcg" : "not-done",
  result,
  ...extra,
});

async function patientWith(sex: "female" | "male") {
  const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_10);
  await saveNewRecord(actors.investigator1, patient.id, "baseline", "baseline", baseline(sex));
  return patient;
}
const save = (...args: NewRecordArgs) => saveNewRecord(actors.investigator1, ...args);

describe("thalidomide pregnancy prevention in the save path", () => {
  test("a female of reproductive potential is refused without a valid negative test, naming each condition, and nothing is saved", async () => {
    const patient = await patientWith("female");
    const before = await db.prisma.crfRecord.count({ where: { patientId: patient.id } });
    const errors = await fieldErrorsOf(save(patient.id, "dosing", "day1", dosing("2026-01-10")));
    expect(errors).toEqual({
      "thalidomide.status": [
        "Thalidomide cannot be dispensed: No negative pregnancy test within 24 hours before the first dose (from 2026-01-09 to 2026-01-10) is recorded; Counselling on the risks of thalidomide and on contraception is not confirmed.",
      ],
    });
    // A test three days old is outside the 24-hour window.
    await save(patient.id, "pregnancy-test", null, pregnancyTest("2026-01-07", "negative"));
    expect(Object.keys(await fieldErrorsOf(save(patient.id, "dosing", "day1", dosing("2026-01-10"))))).toEqual([
      "thalidomide.status",
    ]);
    expect(await db.prisma.crfRecord.count({ where: { patientId: patient.id, formType: "dosing" } })).toBe(0);
    expect(await db.prisma.crfRecord.count({ where: { patientId: patient.id } })).toBe(before + 1);

    await save(patient.id, "pregnancy-test", null, pregnancyTest("2026-01-10", "negative"));
    const day1 = await save(patient.id, "dosing", "day1", dosing("2026-01-10"));
    expect(day1.status).toBe("COMPLETE");
    // More than a 28-day supply (4 capsules a day) is refused on the count.
    expect(
      await fieldErrorsOf(save(patient.id, "dosing", "week4", dosing("2026-02-07", { capsulesDispensed: 120 }))),
    ).toEqual({
      "thalidomide.capsulesDispensed": ["At most a 28-day supply may be dispensed: 112 capsules at 4 a day"],
    });
    // Holding thalidomide needs no test.
    await save(
      patient.id,
      "dosing",
      "week4",
      dosing("2026-02-07", {
        status: "held",
        statusReason: "other",
        statusReasonText: "No test done",
        capsulesDispensed: null,
      }),
    );
  });

  test("a positive test stops dispensing", async () => {
    const patient = await patientWith("female");
    await save(patient.id, "pregnancy-test", null, pregnancyTest("2026-01-09", "positive"));
    await save(patient.id, "pregnancy-test", null, pregnancyTest("2026-01-10", "negative"));
    const errors = await fieldErrorsOf(save(patient.id, "dosing", "day1", dosing("2026-01-10")));
    expect(errors["thalidomide.status"]?.[0]).toMatch(/A positive pregnancy test was recorded on 2026-01-09/);
    // It enters the coordinator's review queue, can be reviewed there, and alerted by email (the outbox).
    const queued = (await listToxicityReviewQueue(actors.coordinator)).filter((i) => i.patientId === patient.id);
    expect(queued).toEqual([
      expect.objectContaining({
        formType: "pregnancy-test",
        itemKey: "pregnancy",
        label: "Pregnancy: positive test on 2026-01-09",
        serious: true,
        state: expect.objectContaining({ state: "needs-review" }),
      }),
    ]);
    await recordToxicityReview(actors.coordinator, {
      patientId: patient.id,
      recordId: queued[0]!.recordId,
      itemKey: "pregnancy",
      recordVersion: 1,
      decision: "ESCALATED",
      comment: "PI to refer the patient",
    });
    expect(
      (await listToxicityReviewQueue(actors.coordinator)).find((i) => i.patientId === patient.id)?.state,
    ).toMatchObject({ state: "escalated" });
    const mail = await db.prisma.mailOutbox.findMany({ where: { patientId: patient.id } });
    expect(mail).toEqual([
      expect.objectContaining({
        kind: "PREGNANCY",
        status: "PENDING",
        subject: expect.stringMatching(/^Pregnancy: positive test for patient TW01-\d{3} \(site TW01\)$/),
      }),
    ]);
  });

  test("a male patient needs counselling recorded; the category must match the baseline sex", async () => {
    const patient = await patientWith("male");
    expect(
      (await fieldErrorsOf(save(patient.id, "dosing", "day1", dosing("2026-01-10"))))["thalidomide.status"]?.[0],
    ).toMatch(/male patient on contraception/);
    expect(await fieldErrorsOf(save(patient.id, "pregnancy-test", null, pregnancyTest("2026-01-10", null)))).toEqual({
      category: ["The baseline form records this patient as male"],
    });
    await save(patient.id, "pregnancy-test", null, pregnancyTest("2026-01-10", null, { category: "male" }));
    expect((await save(patient.id, "dosing", "day1", dosing("2026-01-10"))).status).toBe("COMPLETE");
  });
});

describe("a patient of unknown sex", () => {
  test("no baseline (or no sex on it) refuses thalidomide, naming the missing baseline sex; nothing is saved", async () => {
    const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_10);
    // Even with a negative test and counselling on file: the category (female of reproductive potential or not, male) is unknown.
    await save(patient.id, "pregnancy-test", null, pregnancyTest("2026-01-10", "negative"));
    const refused = await fieldErrorsOf(save(patient.id, "dosing", "day1", dosing("2026-01-10")));
    expect(refused["thalidomide.status"]?.[0]).toMatch(
      /^Thalidomide cannot be dispensed: The baseline form does not record the patient's sex/,
    );
    // A baseline saved in progress without the sex refuses the same way.
    await save(patient.id, "baseline", "baseline", { ...baseline("female"), sex: null });
    expect(
      (await fieldErrorsOf(save(patient.id, "dosing", "day1", dosing("2026-01-10"))))["thalidomide.status"]?.[0],
    ).toMatch(/does not record the patient's sex/);
    expect(await db.prisma.crfRecord.count({ where: { patientId: patient.id, formType: "dosing" } })).toBe(0);
    // Holding thalidomide is still possible (UFT alone).
    await save(
      patient.id,
      "dosing",
      "day1",
      dosing("2026-01-10", {
        status: "held",
        statusReason: "other",
        statusReasonText: "Baseline not entered yet",
        capsulesDispensed: null,
      }),
    );
  });
});

describe("the study's pregnancy prevention rules", () => {
  test("start with the REMS figures, change only by a study administrator within the REMS maxima, audited, and apply at once", async () => {
    const before = await getPregnancyPreventionRules(actors.investigator1);
    expect(before).toMatchObject({
      firstDoseTestWindowHours: 24,
      retestIntervalDays: 28,
      counsellingRequired: true,
      maleCounsellingRequired: true,
      maxSupplyDays: 28,
    });
    const rules = {
      firstDoseTestWindowHours: 24,
      retestIntervalDays: 28,
      counsellingRequired: true,
      maleCounsellingRequired: true,
      maxSupplyDays: 21,
    };
    await expect(
      updatePregnancyPreventionRules(actors.investigator1, {
        rules,
        expectedVersion: before.version,
        reason: "Amendment 3",
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(
      await fieldErrorsOf(
        updatePregnancyPreventionRules(actors.admin, {
          rules: { ...rules, maxSupplyDays: 35 },
          expectedVersion: before.version,
          reason: "Amendment 3",
        }),
      ),
    ).toEqual({ "rules.maxSupplyDays": ["At most 28 days (the REMS maximum)"] });
    const after = await updatePregnancyPreventionRules(actors.admin, {
      rules,
      expectedVersion: before.version,
      reason: "Amendment 3",
    });
    expect(after.version).toBe(before.version + 1);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "pregnancy-prevention-rules" } });
    expect(audit).toMatchObject({ reason: "Amendment 3", changes: [{ field: "maxSupplyDays", from: 28, to: 21 }] });

    const patient = await patientWith("male");
    await save(patient.id, "pregnancy-test", null, pregnancyTest("2026-01-10", null, { category: "male" }));
    // 21 days at 4 capsules a day.
    expect(await fieldErrorsOf(save(patient.id, "dosing", "day1", dosing("2026-01-10")))).toEqual({
      "thalidomide.capsulesDispensed": ["At most a 21-day supply may be dispensed: 84 capsules at 4 a day"],
    });
    await updatePregnancyPreventionRules(actors.admin, {
      rules: { ...rules, maxSupplyDays: 28 },
      expectedVersion: after.version,
      reason: "Back to the protocol",
    });
  });
});
