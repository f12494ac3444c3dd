import type { TumourAssessmentData, TumourBaselineData } from "../tumour-schemas";
import type { ProjectedRows } from "./tables";
import { booleanOrNull, numberOrNull, stringOrNull, yesNo } from "./values";

/** Baseline imaging: one row per target and non-target lesion. */
export function projectTumourBaseline(data: TumourBaselineData): ProjectedRows {
  return {
    tumour_lesions: [
      ...data.targetLesions.map((lesion) => ({
        assessment_date: data.assessmentDate,
        lesion_id: lesion.lesionId,
        kind: "target",
        organ: lesion.organ,
        location: lesion.site,
        method: lesion.method ?? data.method,
        baseline_diameter_mm: lesion.longestDiameterMm,
      })),
      ...data.nonTargetLesions.map((lesion) => ({
        assessment_date: data.assessmentDate,
        lesion_id: lesion.lesionId,
        kind: "non-target",
        organ: lesion.organ,
        location: lesion.description,
        method: data.method,
        baseline_diameter_mm: null,
      })),
    ],
  };
}

/**
 * A follow-up assessment: each target lesion's measurement, and the timepoint response
 * (RECIST as computed, and the response that counts: the investigator's override when given).
 */
export function projectTumourAssessment(data: TumourAssessmentData, computed: Record<string, unknown>): ProjectedRows {
  return {
    lesion_measurements: data.measurements.flatMap((m) =>
      m.status === null
        ? []
        : [
            {
              assessment_date: data.assessmentDate,
              lesion_id: m.lesionId,
              status: m.status,
              diameter_mm: m.diameterMm,
            },
          ],
    ),
    timepoint_responses: [
      {
        assessment_date: data.assessmentDate,
        method: data.method,
        non_target_status: data.nonTargetStatus,
        new_lesions: yesNo(data.newLesions),
        baseline_sum_mm: numberOrNull(computed.baselineSumMm),
        nadir_sum_mm: numberOrNull(computed.nadirSumMm),
        current_sum_mm: numberOrNull(computed.currentSumMm),
        pct_from_baseline: numberOrNull(computed.pctFromBaseline),
        pct_from_nadir: numberOrNull(computed.pctFromNadir),
        target_response: stringOrNull(computed.targetResponse),
        computed_response: stringOrNull(computed.computedResponse),
        response: stringOrNull(computed.response),
        response_overridden: booleanOrNull(computed.responseOverridden) ?? false,
        recist_version: stringOrNull(computed.recistVersion) ?? "1.0",
      },
    ],
  };
}
