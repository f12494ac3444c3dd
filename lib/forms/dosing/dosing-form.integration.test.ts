import { describe, expect, test } from "vitest";
import { ConflictError } from "@/lib/errors";
import { fieldErrorsOf } from "@/test/integration/field-errors-of";
import { createEnrolledPatient, recordMaleBaselineAndCounselling } from "@/test/integration/enrolled-patient";
import { saveNewRecord, type FormRecordArgs } from "@/test/integration/new-record";
import { dosingVisit, drugGiven } from "@/test/fixtures/dosing-data";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

/** Enrolled, with what dispensing thalidomide needs (a male baseline and counselling on contraception). */
async function enrolledPatient(enrollmentDate: string | null = "2026-01-10") {
  const patient = await createEnrolledPatient(actors.investigator1, sites.TW01, {
    screeningDate: "2026-01-05",
    consentDate: "2026-01-04",
    enrollmentDate,
  });
  await recordMaleBaselineAndCounselling(actors.investigator1, patient.id, "2026-01-08");
  return patient;
}

const dosing = (extra: object = {}) => ({
  ...dosingVisit({
    visitDate: "2026-01-10",
    weightKg: 80,
    heightCm: 180,
    uft: drugGiven(168),
    thalidomide: drugGiven(112),
  }),
  ...extra,
});

/** Enters a dosing form (or, with `extra`, a correction) as investigator 1 of TW01. */
const saveDosing = (patientId: string, ...args: FormRecordArgs) =>
  saveNewRecord(actors.investigator1, patientId, "dosing", ...args);

describe("the dosing form", () => {
  test("a weight that reads as pounds is saved only with the user's reason, which the audit keeps; 700 kg is refused", async () => {
    const patient = await enrolledPatient();
    const before = await db.prisma.crfRecord.count();
    expect(await fieldErrorsOf(saveDosing(patient.id, "day1", dosing({ weightKg: 700 })))).toMatchObject({
      weightKg: ["The weight must be 25-250 kg"],
    });
    expect(await fieldErrorsOf(saveDosing(patient.id, "day1", dosing({ weightKg: 154 })))).toEqual({
      measurementReason: [expect.stringContaining("It looks like a weight in pounds (154 lb = 69.9 kg)")],
    });
    expect(await db.prisma.crfRecord.count()).toBe(before);
    const saved = await saveDosing(
      patient.id,
      "day1",
      dosing({ weightKg: 154, heightCm: 190, measurementReason: "Weighed on the ward scale twice" }),
    );
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: saved.id, action: "CREATE" } });
    expect(audit.changes).toEqual(
      expect.arrayContaining([{ field: "measurementReason", from: null, to: "Weighed on the ward scale twice" }]),
    );
  });

  test("stores the dose computed from height and weight, then flags a weight change and computes compliance", async () => {
    const patient = await enrolledPatient();
    const day1 = await saveDosing(patient.id, "day1", dosing());
    expect(day1).toMatchObject({
      status: "COMPLETE",
      version: 1,
      computed: {
        summary: "UFT 3 caps bid (level 0), thalidomide 100 mg bid",
        bsaM2: 2,
        bsaM2Display: 2,
        bsaMethod: "mosteller",
        uft: {
          rawMg: 250,
          roundedMg: 300,
          capsulesPerDose: 3,
          capsulesPerDay: 6,
          rule: "nearest 100 mg capsule, halves up",
          compliance: null,
        },
        thalidomide: { mgPerDose: 100, dosesPerDay: 2, capsulesPerDay: 4 },
        weightChange: null,
      },
    });

    const week4 = await saveDosing(
      patient.id,
      "week4",
      dosing({
        visitDate: "2026-02-07",
        weightKg: 70,
        uft: {
          ...drugGiven(112, { capsulesReturned: 12 }),
          prescribedCapsulesPerDose: null,
          overrideReason: "",
        },
        thalidomide: drugGiven(null, {
          status: "held",
          statusReason: "toxicity",
          statusReasonText: "Grade 2 somnolence",
          capsulesReturned: 0,
        }),
      }),
    );
    const computed = week4.computed as Record<string, Record<string, unknown>>;
    expect(computed.summary).toBe("UFT 2 caps bid (level 0), thalidomide held");
    expect(computed.weightChange).toMatchObject({
      previousWeightKg: 80,
      changePct: -12.5,
      recalculate: true,
      message: "recalculate: weight changed by -12.5% since the dose was set",
    });
    expect(computed.uft).toMatchObject({
      capsulesPerDose: 2,
      compliance: { days: 28, takenCapsules: 156, prescribedCapsules: 168 },
    });
    expect((computed.uft!.compliance as { compliancePct: number }).compliancePct).toBeCloseTo(92.857, 3);
    expect(computed.thalidomide).toMatchObject({ capsulesPerDay: 0, compliance: { compliancePct: 100 } });

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: week4.id } });
    expect(audit).toMatchObject({ action: "CREATE", entityType: "form:dosing" });
    expect(audit.changes).toEqual(expect.arrayContaining([{ field: "weightKg", from: null, to: 70 }]));
  });

  test("invalid input names every field and writes nothing", async () => {
    const patient = await enrolledPatient();
    const before = { records: await db.prisma.crfRecord.count(), audit: await db.prisma.auditEvent.count() };
    const schemaErrors = await fieldErrorsOf(
      saveDosing(
        patient.id,
        "day1",
        dosing({
          weightKg: 700,
          visitDate: "2099-01-01",
          uft: { ...drugGiven(null), prescribedCapsulesPerDose: 4, overrideReason: "" },
          thalidomide: drugGiven(null, { status: "reduced" }),
        }),
      ),
    );
    expect(Object.keys(schemaErrors).sort()).toEqual(["thalidomide.statusReason", "visitDate", "weightKg"]);

    const contextErrors = await fieldErrorsOf(
      saveDosing(
        patient.id,
        "day1",
        dosing({
          visitDate: "2026-01-09",
          uft: {
            ...drugGiven(null, { capsulesReturned: 4 }),
            prescribedCapsulesPerDose: 4,
            overrideReason: "Tolerated well before",
          },
        }),
      ),
    );
    expect(contextErrors).toEqual({
      visitDate: ["The visit date cannot be before enrollment (2026-01-10)"],
      "uft.capsulesReturned": ["There is no earlier dosing visit to return capsules from"],
    });
    expect(await db.prisma.crfRecord.count()).toBe(before.records);
    expect(await db.prisma.auditEvent.count()).toBe(before.audit);

    const notEnrolled = await enrolledPatient(null);
    expect(await fieldErrorsOf(saveDosing(notEnrolled.id, "day1", dosing()))).toEqual({
      visitDate: ["The patient is not enrolled yet: dosing starts on or after enrollment"],
    });
  });

  test("more capsules returned than dispensed is refused against the previous visit", async () => {
    const patient = await enrolledPatient();
    await saveDosing(patient.id, "day1", dosing());
    const errors = await fieldErrorsOf(
      saveDosing(
        patient.id,
        "week4",
        dosing({
          visitDate: "2026-02-07",
          uft: { ...drugGiven(null, { capsulesReturned: 200 }), prescribedCapsulesPerDose: null, overrideReason: "" },
        }),
      ),
    );
    expect(errors).toEqual({
      "uft.capsulesReturned": ["Returned (200) cannot exceed the 168 capsules dispensed on 2026-01-10"],
    });
    const sameDay = await fieldErrorsOf(saveDosing(patient.id, "week4", dosing()));
    expect(sameDay.visitDate).toEqual(["Dosing visit day1 already has this date; each dosing visit has its own date"]);
  });

  test("an edit needs a reason and the current version; an override is recomputed and stored", async () => {
    const patient = await enrolledPatient();
    const first = await saveDosing(patient.id, "day1", dosing());
    const override = dosing({
      uft: { ...drugGiven(112), prescribedCapsulesPerDose: 2, overrideReason: "Frail, start low" },
    });
    expect(
      await fieldErrorsOf(saveDosing(patient.id, "day1", override, { recordId: first.id, expectedVersion: 1 })),
    ).toHaveProperty("reason");

    const edited = await saveDosing(patient.id, "day1", override, {
      recordId: first.id,
      expectedVersion: 1,
      reason: "Prescriber reduced the start dose",
    });
    expect(edited).toMatchObject({
      version: 2,
      computed: {
        summary: "UFT 2 caps bid (level 0, override), thalidomide 100 mg bid",
        uft: { computedCapsulesPerDose: 3, capsulesPerDose: 2, overridden: true, capsulesPerDay: 4 },
      },
    });

    const stale = await saveDosing(patient.id, "day1", dosing(), {
      recordId: first.id,
      expectedVersion: 1,
      reason: "Back to computed",
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    const audit = await db.prisma.auditEvent.findMany({ where: { entityId: first.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["CREATE", "UPDATE"]);
    expect(audit[1]!.reason).toBe("Prescriber reduced the start dose");
  });
});
