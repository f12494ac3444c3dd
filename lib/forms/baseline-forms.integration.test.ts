import { describe, expect, test } from "vitest";
import { registerPatient } from "@/lib/data/patients";
import { ConflictError } from "@/lib/errors";
import { emptyEndOfStudy } from "@/lib/forms/end-of-study-form";
import { NUL_CHARACTER_MESSAGE } from "@/lib/schemas/unstorable-text";
import { fieldErrorsOf } from "@/test/integration/field-errors-of";
import { createEnrolledPatient, DAY1_2026_01_15 } from "@/test/integration/enrolled-patient";
import { saveNewRecord, type NewRecordArgs } from "@/test/integration/new-record";
import { ADVANCED_BASELINE } from "@/test/fixtures/baseline-data";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

/** Enters a new form (or, with `extra`, a correction) as investigator 1 of TW01. */
const saveAsInvestigator = (...args: NewRecordArgs) => saveNewRecord(actors.investigator1, ...args);
/** A patient of TW01 who consented on 2026-01-08 and started treatment (day 1) on 2026-01-15. */
const enrolledPatient = () => createEnrolledPatient(actors.investigator1, sites.TW01, DAY1_2026_01_15);
const counts = async (patientId: string) => ({
  records: await db.prisma.crfRecord.count({ where: { patientId } }),
  audit: await db.prisma.auditEvent.count({ where: { patientId } }),
});

const baseline = ADVANCED_BASELINE;

describe("baseline", () => {
  test("saves with the computed Child-Pugh, CLIP, BCLC and BSA; invalid input and late dates write nothing", async () => {
    const patient = await enrolledPatient();
    const before = await counts(patient.id);
    expect(
      await fieldErrorsOf(
        saveAsInvestigator(patient.id, "baseline", "baseline", {
          ...baseline,
          albumin: { value: 30, unit: "g/dL" },
          heightCm: 1.58,
        }),
      ),
    ).toEqual({
      "albumin.value": ["The albumin must be from 0.5 to 7 g/dL: check the unit"],
      heightCm: ["The height must be at least 100 cm"],
    });
    expect(
      await fieldErrorsOf(
        saveAsInvestigator(patient.id, "baseline", "baseline", { ...baseline, assessmentDate: "2026-01-16" }),
      ),
    ).toEqual({
      assessmentDate: [
        "The baseline assessment date must be on or before day 1 (2026-01-15): baseline is before treatment",
      ],
    });
    // PostgreSQL cannot store U+0000: a field error, not a server error (found by the REST API fuzz test).
    expect(
      await fieldErrorsOf(
        saveAsInvestigator(patient.id, "baseline", "baseline", { ...baseline, ethnicity: "Han\u0000" }),
      ),
    ).toEqual({
      ethnicity: [NUL_CHARACTER_MESSAGE],
    });
    expect(await counts(patient.id)).toEqual(before);

    const saved = await saveAsInvestigator(patient.id, "baseline", "baseline", baseline);
    // bilirubin 34.2 umol/L = 2 mg/dL (2) + albumin 3.0 g/dL (2) + INR 1.3 (1) + mild ascites (2) + no encephalopathy (1) = 8, B.
    // CLIP: B 1 + massive 2 + AFP >= 400 1 + PVT 1 = 5. BCLC: ECOG 1 -> C.
    expect(saved).toMatchObject({
      status: "COMPLETE",
      version: 1,
      computed: {
        childPughScore: 8,
        childPughClass: "B",
        clipScore: 5,
        bclcStage: "C",
        bilirubinMgPerDl: 2,
        albuminGPerDl: 3,
        summary: "Child-Pugh B (8), CLIP 5, BCLC C",
      },
    });
    expect(saved.computed.bsaM2).toBeCloseTo(Math.sqrt((158 * 52) / 3600), 12);

    expect(
      await fieldErrorsOf(
        saveAsInvestigator(
          patient.id,
          "baseline",
          "baseline",
          { ...baseline, inr: 1.8 },
          { recordId: saved.id, expectedVersion: 1 },
        ),
      ),
    ).toHaveProperty("reason");
    const edited = await saveAsInvestigator(
      patient.id,
      "baseline",
      "baseline",
      { ...baseline, inr: 1.8 },
      { recordId: saved.id, expectedVersion: 1, reason: "INR re-read from the lab report" },
    );
    expect(edited).toMatchObject({ version: 2, computed: { childPughScore: 9, childPughClass: "B" } });
    const stale = await saveAsInvestigator(patient.id, "baseline", "baseline", baseline, {
      recordId: saved.id,
      expectedVersion: 1,
      reason: "Mine",
    }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    const audit = await db.prisma.auditEvent.findMany({ where: { entityId: saved.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.reason])).toEqual([
      ["CREATE", null],
      ["UPDATE", "INR re-read from the lab report"],
    ]);
    expect(audit[1]!.changes).toEqual([{ field: "inr", from: 1.3, to: 1.8 }]);
  });
});

const analytes = [
  { analyte: "IL-6", value: 14.2, unit: "pg/mL", lloq: 0.7, belowLloq: false },
  { analyte: "IL-8", value: null, unit: "pg/mL", lloq: 1.5, belowLloq: true },
  { analyte: "VEGF", value: 310, unit: "pg/mL", lloq: 9, belowLloq: false },
];

describe("baseline cytokines", () => {
  test("a below-LLOQ result is stored as such; a value under the LLOQ or a sample after day 1 is refused", async () => {
    const patient = await enrolledPatient();
    const before = await counts(patient.id);
    expect(
      await fieldErrorsOf(
        saveAsInvestigator(patient.id, "cytokines", "baseline", {
          sampleDate: "2026-01-14",
          analytes: [{ ...analytes[0], value: 0.5 }, ...analytes.slice(1)],
        }),
      ),
    ).toEqual({ "analytes.0.value": ["The value is below the LLOQ (0.7 pg/mL): tick below LLOQ instead"] });
    expect(
      await fieldErrorsOf(
        saveAsInvestigator(patient.id, "cytokines", "baseline", { sampleDate: "2026-01-20", analytes }),
      ),
    ).toHaveProperty("sampleDate");
    expect(await counts(patient.id)).toEqual(before);

    const saved = await saveAsInvestigator(patient.id, "cytokines", "baseline", { sampleDate: "2026-01-14", analytes });
    expect(saved).toMatchObject({
      status: "COMPLETE",
      computed: { analyteCount: 3, belowLloqCount: 1, summary: "3 analytes, 1 below LLOQ" },
    });
    const row = await db.prisma.crfRecord.findUniqueOrThrow({ where: { id: saved.id } });
    expect((row.data as { analytes: unknown[] }).analytes[1]).toEqual({
      analyte: "IL-8",
      value: null,
      unit: "pg/mL",
      lloq: 1.5,
      belowLloq: true,
    });

    const stale = { recordId: saved.id, expectedVersion: 1, reason: "Added TNF-alpha" };
    await saveAsInvestigator(
      patient.id,
      "cytokines",
      "baseline",
      {
        sampleDate: "2026-01-14",
        analytes: [...analytes, { analyte: "TNF-alpha", value: 6, unit: "pg/mL", lloq: 0.5, belowLloq: false }],
      },
      stale,
    );
    await expect(
      saveAsInvestigator(patient.id, "cytokines", "baseline", { sampleDate: "2026-01-13", analytes }, stale),
    ).rejects.toThrow(ConflictError);
  });
});

const followUp = emptyEndOfStudy();

describe("follow-up and end of study", () => {
  test("off treatment then death set the patient status in the same audited transaction; PFS and OS are computed", async () => {
    const patient = await enrolledPatient();
    // A tumour assessment with a computed PD (that form is built elsewhere; inserted here as its saved shape).
    await db.prisma.crfRecord.create({
      data: {
        patientId: patient.id,
        siteId: sites.TW01,
        formType: "tumour-assessment",
        visitKey: "week8",
        data: { assessmentDate: "2026-03-12" },
        computed: { response: "PD" },
        createdById: actors.investigator1.userId,
        updatedById: actors.investigator1.userId,
      },
    });
    const before = await counts(patient.id);
    expect(
      await fieldErrorsOf(
        saveAsInvestigator(patient.id, "end-of-study", "end-of-study", {
          ...followUp,
          offTreatmentDate: "2026-01-10",
          offTreatmentReason: "progression",
          deathDate: "2026-03-01",
          deathCause: "toxicity",
          progressionDate: "2026-03-12",
        }),
      ),
    ).toEqual({ deathDate: ["The death date cannot be before the progression date"] });
    expect(
      await fieldErrorsOf(
        saveAsInvestigator(patient.id, "end-of-study", "end-of-study", {
          ...followUp,
          offTreatmentDate: "2026-01-10",
          offTreatmentReason: "progression",
        }),
      ),
    ).toEqual({ offTreatmentDate: ["This date cannot be before enrollment (2026-01-15)"] });
    expect(await counts(patient.id)).toEqual(before);
    expect((await db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("ON_TREATMENT");

    const offTreatment = {
      ...followUp,
      lastKnownAliveDate: "2026-03-20",
      offTreatmentDate: "2026-03-14",
      offTreatmentReason: "progression",
    };
    const first = await saveAsInvestigator(patient.id, "end-of-study", "end-of-study", offTreatment);
    expect(first).toMatchObject({
      status: "IN_PROGRESS",
      computed: {
        progressionDate: "2026-03-12",
        progressionSource: "assessments",
        assessedProgressionDate: "2026-03-12",
        pfsDays: 56,
        pfsEvent: 1,
        osDays: 64,
        osEvent: 0,
      },
    });
    expect((await db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("OFF_TREATMENT");

    const death = {
      ...offTreatment,
      deathDate: "2026-05-24",
      deathCause: "disease-progression",
      offStudyDate: "2026-05-24",
      offStudyReason: "death",
    };
    const noReason = saveAsInvestigator(patient.id, "end-of-study", "end-of-study", death, {
      recordId: first.id,
      expectedVersion: 1,
    });
    expect(await fieldErrorsOf(noReason)).toHaveProperty("reason");
    const second = await saveAsInvestigator(patient.id, "end-of-study", "end-of-study", death, {
      recordId: first.id,
      expectedVersion: 1,
      reason: "Death reported by family",
    });
    expect(second).toMatchObject({
      status: "COMPLETE",
      computed: { osDays: 129, osEvent: 1, summary: "PFS 1.8 mo (event), OS 4.2 mo (event)" },
    });
    const row = await db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } });
    expect(row.status).toBe("DEAD");

    const statusAudit = await db.prisma.auditEvent.findMany({
      where: { entityType: "patient", entityId: patient.id },
      orderBy: { id: "asc" },
    });
    expect(statusAudit.slice(-2).map((a) => [a.changes, a.reason])).toEqual([
      [
        [{ field: "status", from: "ON_TREATMENT", to: "OFF_TREATMENT" }],
        `Follow-up and end of study saved (record ${first.id})`,
      ],
      [
        [{ field: "status", from: "OFF_TREATMENT", to: "DEAD" }],
        `Follow-up and end of study saved (record ${first.id}): Death reported by family`,
      ],
    ]);

    // A stale edit changes neither the form nor the status.
    const stale = await saveAsInvestigator(patient.id, "end-of-study", "end-of-study", offTreatment, {
      recordId: first.id,
      expectedVersion: 1,
      reason: "Undo",
    }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("DEAD");

    // A correction that removes the death moves the patient back, audited.
    await saveAsInvestigator(patient.id, "end-of-study", "end-of-study", offTreatment, {
      recordId: first.id,
      expectedVersion: 2,
      reason: "Death entered for the wrong patient",
    });
    expect((await db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("OFF_TREATMENT");
  });

  test("a screening patient's status is never changed by a form", async () => {
    const patient = await registerPatient(actors.investigator1, { siteId: sites.TW01, screeningDate: "2026-01-05" });
    expect(
      await fieldErrorsOf(
        saveAsInvestigator(patient.id, "end-of-study", "end-of-study", {
          ...followUp,
          deathDate: "2026-02-01",
          deathCause: "other",
          deathCauseOther: "Accident",
        }),
      ),
    ).toEqual({
      _form: ["Follow-up is recorded for enrolled patients only"],
    });
    expect((await db.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).status).toBe("SCREENING");
  });
});
