import { RESPONSES } from "@/lib/domain/recist";
import { defineForm } from "./form-definition";
import { evaluateFollowUp, findBaselineAssessment, TUMOUR_ASSESSMENT_TYPE } from "./tumour-response";
import { TRIAL_RECIST_VERSION, TumourAssessmentSchema } from "./tumour-schemas";

/**
 * A follow-up tumour assessment at an imaging visit (every 8 weeks). Stored computed values:
 * `computedResponse` is what RECIST gives; `response` is what counts (the investigator's
 * override when given, whose reason is in data.override.reason); `responseOverridden` says which.
 */
export const tumourAssessmentForm = defineForm({
  type: TUMOUR_ASSESSMENT_TYPE,
  title: "Tumour assessment",
  repeating: false,
  placement: "visit",
  schema: TumourAssessmentSchema,
  labels: {
    assessmentDate: "Assessment date (yyyy-mm-dd)",
    method: "Imaging method",
    "measurements.*.lesionId": "Target lesion id (from baseline)",
    "measurements.*.status": "Target lesion status (measured, too-small, disappeared, not-assessed)",
    "measurements.*.diameterMm": "Target lesion longest diameter (mm)",
    nonTargetStatus: "Non-target lesions overall (CR, NON_CR_NON_PD, PD, NE, ABSENT)",
    newLesions: "New lesions",
    newLesionsDescription: "New lesions: description",
    "override.response": `Investigator's overriding response (${RESPONSES.join(", ")})`,
    "override.reason": "Reason for overriding the computed response",
  },
  isComplete: () => true,
  // RECIST: change from the baseline sum and from the nadir of the earlier assessments (./tumour-response).
  dependsOn: ["tumour-baseline", TUMOUR_ASSESSMENT_TYPE],
  dateField: "assessmentDate",
  compute: (data, context) => {
    const evaluation = evaluateFollowUp(data, context);
    if (!evaluation)
      return { recistVersion: TRIAL_RECIST_VERSION, response: null, summary: "not evaluable: no baseline" };
    const { assessment } = evaluation;
    return {
      recistVersion: TRIAL_RECIST_VERSION,
      baselineSumMm: assessment.baselineSumMm,
      nadirSumMm: assessment.nadirSumMm,
      currentSumMm: assessment.currentSumMm,
      pctFromBaseline: assessment.pctFromBaseline,
      pctFromNadir: assessment.pctFromNadir,
      targetResponse: assessment.targetResponse,
      computedResponse: evaluation.computedResponse,
      response: evaluation.response,
      responseOverridden: evaluation.overridden,
      summary: evaluation.summary,
    };
  },
  checkInContext: (data, context) => {
    const errors: Record<string, string[]> = {};
    const baseline = findBaselineAssessment(context);
    if (!baseline)
      return {
        measurements: ["Record the baseline tumour assessment first: follow-up lesions are measured against it"],
      };
    const expected = baseline.targetLesions.map((l) => l.lesionId);
    const given = data.measurements.map((m) => m.lesionId);
    // RECIST 1.0: the same target lesions are measured at every assessment; new ones are "new lesions".
    if (expected.length !== given.length || expected.some((id, i) => given[i] !== id)) {
      errors.measurements = [`Measure the baseline target lesions ${expected.join(", ")}, in that order`];
    }
    if (data.assessmentDate <= baseline.assessmentDate)
      errors.assessmentDate = [`The assessment must be after the baseline imaging (${baseline.assessmentDate})`];
    else if (context.enrollmentDate && data.assessmentDate < context.enrollmentDate)
      errors.assessmentDate = [`The assessment cannot be before enrollment (${context.enrollmentDate})`];
    // RECIST 1.1 Table 1 footnote / 1.0: the non-target category exists only if there were non-target lesions at baseline.
    const hasNonTarget = baseline.nonTargetLesions.length > 0;
    if (hasNonTarget && data.nonTargetStatus === "ABSENT")
      errors.nonTargetStatus = ["Non-target lesions were recorded at baseline: assess them"];
    if (!hasNonTarget && data.nonTargetStatus !== null && data.nonTargetStatus !== "ABSENT") {
      errors.nonTargetStatus = [
        "No non-target lesions were recorded at baseline: choose No non-target lesions at baseline",
      ];
    }
    return errors;
  },
});
