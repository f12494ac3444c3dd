import { describe, expect, test } from "vitest";
import { ConflictError } from "@/lib/errors";
import { fieldErrorsOf } from "@/test/integration/field-errors-of";
import { createEnrolledPatient, DAY1_2026_01_12 } from "@/test/integration/enrolled-patient";
import { saveNewRecord, type NewRecordArgs } from "@/test/integration/new-record";
import { liverT1, lungT2, tumourBaseline, tumourFollowUp } from "@/test/integration/tumour-fixtures";
import type { TumourAssessmentData, TumourBaselineData } from "./tumour-schemas";
import { withDemoDatabase } from "@/test/integration/with-demo-database";

const { db, actors, sites } = withDemoDatabase();

const save = (...args: NewRecordArgs) => saveNewRecord(actors.investigator2, ...args);

const enrolledPatient = () => createEnrolledPatient(actors.investigator2, sites.TW02, DAY1_2026_01_12);

/** Portal vein tumour thrombus: a non-target lesion of hepatocellular carcinoma. */
const PORTAL_VEIN_N1 = { lesionId: "N1", organ: "Portal vein", description: "Tumour thrombus" };
const baseline = (overrides: Partial<TumourBaselineData> = {}): TumourBaselineData =>
  tumourBaseline([liverT1(62), lungT2(38)], [PORTAL_VEIN_N1], overrides);
const followUp = (
  assessmentDate: string,
  t1: number,
  t2: number,
  overrides: Partial<TumourAssessmentData> = {},
): TumourAssessmentData => tumourFollowUp(assessmentDate, t1, t2, "NON_CR_NON_PD", overrides);

describe("tumour assessments", () => {
  test("baseline target selection is checked with RECIST 1.0 and nothing is written when it fails", async () => {
    const patient = await enrolledPatient();
    const lesions = baseline().targetLesions;
    const errors = await fieldErrorsOf(
      save(
        patient.id,
        "tumour-baseline",
        "baseline-imaging",
        baseline({
          targetLesions: [
            { ...lesions[0]!, longestDiameterMm: 15 },
            { ...lesions[1]!, lesionId: "T1" },
          ],
        }),
      ),
    );
    expect(errors).toEqual({
      "targetLesions.0.longestDiameterMm": [
        "T1: longest diameter 15 mm is below the 20 mm minimum for ct (RECIST 1.0)",
      ],
      "targetLesions.0.lesionId": ["Lesion ids must be unique: T1"],
      "targetLesions.1.lesionId": ["Lesion ids must be unique: T1"],
    });
    expect(
      await fieldErrorsOf(
        save(patient.id, "tumour-baseline", "baseline-imaging", baseline({ assessmentDate: "2026-01-13" })),
      ),
    ).toEqual({
      assessmentDate: ["Baseline imaging must be on or before the enrollment date (2026-01-12)"],
    });
    expect(await db.prisma.crfRecord.count({ where: { patientId: patient.id, formType: "tumour-baseline" } })).toBe(0);
  });

  test("a follow-up without a baseline is refused", async () => {
    const patient = await enrolledPatient();
    expect(await fieldErrorsOf(save(patient.id, "tumour-assessment", "week8", followUp("2026-03-09", 40, 26)))).toEqual(
      {
        measurements: ["Record the baseline tumour assessment first: follow-up lesions are measured against it"],
      },
    );
  });

  test("baseline then follow-ups: sums, nadir from earlier assessments, PR then PD, and an override kept beside the computed response", async () => {
    const patient = await enrolledPatient();
    const base = await save(patient.id, "tumour-baseline", "baseline-imaging", baseline());
    expect(base.computed).toEqual({
      recistVersion: "1.0",
      baselineSumMm: 100,
      targetLesionCount: 2,
      nonTargetLesionCount: 1,
      summary: "2 target lesions, sum 100 mm",
    });

    const week8 = await save(patient.id, "tumour-assessment", "week8", followUp("2026-03-09", 40, 26));
    expect(week8.computed).toEqual({
      recistVersion: "1.0",
      baselineSumMm: 100,
      nadirSumMm: 100,
      currentSumMm: 66,
      pctFromBaseline: -34,
      pctFromNadir: -34,
      targetResponse: "PR",
      computedResponse: "PR",
      response: "PR",
      responseOverridden: false,
      summary: "PR (-34% from baseline)",
    });

    const week16 = await save(patient.id, "tumour-assessment", "week16", followUp("2026-05-04", 50, 30));
    expect(week16.computed).toMatchObject({
      nadirSumMm: 66,
      currentSumMm: 80,
      pctFromBaseline: -20,
      targetResponse: "PD",
      response: "PD",
      summary: "PD (-20% from baseline)",
    });

    // The investigator overrides (with a reason); both responses are stored.
    const overridden = followUp("2026-05-04", 50, 30, {
      override: { response: "SD", reason: "T2 increase is atelectasis on review" },
    });
    expect(
      await fieldErrorsOf(
        save(
          patient.id,
          "tumour-assessment",
          "week16",
          { ...overridden, override: { response: "SD", reason: "" } },
          { recordId: week16.id, expectedVersion: 1, reason: "Radiology review" },
        ),
      ),
    ).toEqual({
      "override.reason": ["Give the reason for overriding the computed response (at least 3 characters)"],
    });
    const reviewed = await save(patient.id, "tumour-assessment", "week16", overridden, {
      recordId: week16.id,
      expectedVersion: 1,
      reason: "Radiology review",
    });
    expect(reviewed.computed).toMatchObject({
      computedResponse: "PD",
      response: "SD",
      responseOverridden: true,
      summary: "SD (investigator; computed PD, -20% from baseline)",
    });
    await expect(
      save(patient.id, "tumour-assessment", "week16", followUp("2026-05-04", 50, 30), {
        recordId: week16.id,
        expectedVersion: 1,
        reason: "Stale copy",
      }),
    ).rejects.toThrow(ConflictError);
    expect(
      await fieldErrorsOf(
        save(patient.id, "tumour-assessment", "week16", followUp("2026-05-04", 50, 30), {
          recordId: week16.id,
          expectedVersion: 2,
        }),
      ),
    ).toHaveProperty("reason");
  });

  test("follow-up readings must be the baseline lesions, dated after baseline, with non-target status consistent with baseline", async () => {
    const patient = await enrolledPatient();
    await save(patient.id, "tumour-baseline", "baseline-imaging", baseline({ nonTargetLesions: [] }));
    const bad = followUp("2026-01-08", 40, 26, { nonTargetStatus: "NON_CR_NON_PD" });
    bad.measurements[1]!.lesionId = "T3";
    expect(await fieldErrorsOf(save(patient.id, "tumour-assessment", "week8", bad))).toEqual({
      measurements: ["Measure the baseline target lesions T1, T2, in that order"],
      assessmentDate: ["The assessment must be after the baseline imaging (2026-01-08)"],
      nonTargetStatus: ["No non-target lesions were recorded at baseline: choose No non-target lesions at baseline"],
    });
    expect(
      await fieldErrorsOf(
        save(patient.id, "tumour-assessment", "week8", followUp("2026-03-09", 40, 26, { newLesions: "yes" })),
      ),
    ).toEqual({
      newLesionsDescription: ["Describe the new lesions (site, method)"],
    });
    expect(await db.prisma.crfRecord.count({ where: { patientId: patient.id, formType: "tumour-assessment" } })).toBe(
      0,
    );
    const ok = await save(
      patient.id,
      "tumour-assessment",
      "week8",
      followUp("2026-03-09", 40, 26, { nonTargetStatus: "ABSENT" }),
    );
    expect(ok.computed).toMatchObject({ response: "PR" });
  });
});
