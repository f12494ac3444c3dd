import { defineForm } from "./form-definition";
import { computeBaselineSumMm, TUMOUR_ASSESSMENT_TYPE, TUMOUR_BASELINE_TYPE } from "./tumour-response";
import { TRIAL_RECIST_VERSION, TumourBaselineSchema } from "./tumour-schemas";

/** Baseline imaging (RECIST 1.0 Baseline documentation of "target" and "non-target" lesions). */
export const tumourBaselineForm = defineForm({
  type: TUMOUR_BASELINE_TYPE,
  title: "Tumour assessment: baseline",
  repeating: false,
  placement: "baseline",
  fixedVisitKey: "baseline-imaging",
  schema: TumourBaselineSchema,
  labels: {
    assessmentDate: "Assessment date (yyyy-mm-dd)",
    method: "Imaging method",
    "targetLesions.*.lesionId": "Target lesion id",
    "targetLesions.*.organ": "Target lesion organ",
    "targetLesions.*.site": "Target lesion site description",
    "targetLesions.*.method": "Target lesion measurement method",
    "targetLesions.*.longestDiameterMm": "Target lesion longest diameter (mm)",
    "nonTargetLesions.*.lesionId": "Non-target lesion id",
    "nonTargetLesions.*.organ": "Non-target lesion organ",
    "nonTargetLesions.*.description": "Non-target lesion description",
  },
  isComplete: () => true,
  compute: (data) => {
    const sum = computeBaselineSumMm(data);
    const n = data.targetLesions.length;
    return {
      recistVersion: TRIAL_RECIST_VERSION,
      baselineSumMm: sum,
      targetLesionCount: n,
      nonTargetLesionCount: data.nonTargetLesions.length,
      summary: `${n} target lesion${n === 1 ? "" : "s"}, sum ${sum} mm`,
    };
  },
  checkInContext: (data, context) => {
    const errors: Record<string, string[]> = {};
    // Baseline means before treatment: imaging on or before day 1 (enrollment).
    if (context.enrollmentDate && data.assessmentDate > context.enrollmentDate) {
      errors.assessmentDate = [`Baseline imaging must be on or before the enrollment date (${context.enrollmentDate})`];
    }
    const firstFollowUp = context.records
      .filter((r) => r.formType === TUMOUR_ASSESSMENT_TYPE)
      .map((r) => (r.data as { assessmentDate?: unknown }).assessmentDate)
      .filter((d): d is string => typeof d === "string")
      .sort()[0];
    if (firstFollowUp && data.assessmentDate >= firstFollowUp) {
      (errors.assessmentDate ??= []).push(
        `Baseline imaging must be before the first follow-up assessment (${firstFollowUp})`,
      );
    }
    return errors;
  },
});
