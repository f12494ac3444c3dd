import {
  assessTimepoint,
  sumBaselineDiametersMm,
  type LesionMeasurement,
  type NonTargetResponse,
  type Response,
  type TimepointAssessment,
} from "@/lib/domain/recist";
import type { FormContext } from "./form-definition";
import {
  TRIAL_RECIST_VERSION,
  TumourAssessmentSchema,
  TumourBaselineSchema,
  type TumourAssessmentData,
  type TumourBaselineData,
} from "./tumour-schemas";

export const TUMOUR_BASELINE_TYPE = "tumour-baseline";
export const TUMOUR_ASSESSMENT_TYPE = "tumour-assessment";

/** The patient's saved baseline imaging, or null when there is none (or it no longer parses). */
export function findBaselineAssessment(context: FormContext): TumourBaselineData | null {
  const record = context.records.find((r) => r.formType === TUMOUR_BASELINE_TYPE);
  const parsed = record ? TumourBaselineSchema.safeParse(record.data) : null;
  return parsed?.success ? parsed.data : null;
}

/** Follow-up assessments dated before `assessmentDate`, oldest first: they set the nadir. */
export function listPriorAssessments(context: FormContext, assessmentDate: string): TumourAssessmentData[] {
  return context.records
    .filter((r) => r.formType === TUMOUR_ASSESSMENT_TYPE)
    .flatMap((r) => {
      const parsed = TumourAssessmentSchema.safeParse(r.data);
      return parsed.success && parsed.data.assessmentDate < assessmentDate ? [parsed.data] : [];
    })
    .sort((a, b) => a.assessmentDate.localeCompare(b.assessmentDate));
}

/** Baseline sum of longest diameters, mm (RECIST 1.0 "baseline sum LD"); null while a diameter is missing. */
export function computeBaselineSumMm(baseline: Pick<TumourBaselineData, "targetLesions">): number | null {
  const lesions = baseline.targetLesions.map((l) => ({
    lesionId: l.lesionId,
    isLymphNode: false,
    longestDiameterMm: l.longestDiameterMm ?? Number.NaN,
  }));
  if (lesions.length === 0 || lesions.some((l) => !Number.isFinite(l.longestDiameterMm))) return null;
  return sumBaselineDiametersMm(TRIAL_RECIST_VERSION, lesions);
}

/** A form row as the rules engine reads it; rows without a status (or diameter) count as not assessed. */
function toMeasurement(m: TumourAssessmentData["measurements"][number]): LesionMeasurement | null {
  if (m.status === "measured")
    return m.diameterMm === null ? null : { lesionId: m.lesionId, status: "measured", diameterMm: m.diameterMm };
  return m.status === null ? null : { lesionId: m.lesionId, status: m.status };
}

/** What the follow-up form computes, live in the browser and again on the server. */
export interface FollowUpEvaluation {
  assessment: TimepointAssessment;
  computedResponse: Response;
  /** The response used downstream: the investigator's override when given, else the computed one. */
  response: Response;
  overridden: boolean;
  /** Every baseline target lesion measured: only then are the sum and its changes shown. */
  sumComplete: boolean;
  summary: string;
}

export const NOT_ASSESSED_SUMMARY = "Not assessed: no target lesion measured";

/**
 * Evaluates a (possibly partly filled) follow-up against the baseline and the earlier
 * follow-ups with lib/domain/recist assessTimepoint. Unanswered rows count as not assessed,
 * an unanswered non-target status as NE and unanswered new lesions as none, so the live
 * preview never claims more than was entered. Null without a baseline or with readings that
 * do not match the baseline lesions.
 */
export function evaluateFollowUp(
  data: Pick<TumourAssessmentData, "assessmentDate" | "measurements" | "nonTargetStatus" | "newLesions" | "override">,
  context: FormContext,
): FollowUpEvaluation | null {
  const baseline = findBaselineAssessment(context);
  if (!baseline || baseline.targetLesions.length === 0) return null;
  const baselineIds = new Set(baseline.targetLesions.map((l) => l.lesionId));
  const measurements = data.measurements.flatMap((m) => toMeasurement(m) ?? []);
  if (
    measurements.some((m) => !baselineIds.has(m.lesionId)) ||
    new Set(measurements.map((m) => m.lesionId)).size !== measurements.length
  )
    return null;
  const nonTargetResponse: NonTargetResponse = data.nonTargetStatus ?? "NE";
  const assessment = assessTimepoint({
    version: TRIAL_RECIST_VERSION,
    baseline: baseline.targetLesions.map((l) => ({
      lesionId: l.lesionId,
      isLymphNode: false,
      longestDiameterMm: l.longestDiameterMm ?? 0,
    })),
    priorAssessments: listPriorAssessments(context, data.assessmentDate).map((prior) => ({
      measurements: prior.measurements
        .flatMap((m) => toMeasurement(m) ?? [])
        .filter((m) => baselineIds.has(m.lesionId)),
    })),
    current: { measurements, nonTargetResponse, newLesions: data.newLesions === "yes" },
  });
  const overridden = data.override.response !== null;
  const response = data.override.response ?? assessment.response;
  const measured = measurements.filter((m) => m.status === "measured").length;
  // A sum over some of the target lesions is no RECIST sum: an empty form must not read as -100% (a complete response).
  const sumComplete = measured > 0 && assessment.notAssessedLesionIds.length === 0;
  const summary =
    measured === 0 && !overridden && data.newLesions !== "yes"
      ? NOT_ASSESSED_SUMMARY
      : summarizeResponse(
          response,
          sumComplete ? assessment.pctFromBaseline : null,
          overridden ? assessment.response : null,
        );
  return { assessment, computedResponse: assessment.response, response, overridden, sumComplete, summary };
}

/** "-34%", "+5.5%": whole percent when exact, else one decimal (so -29.96% is never shown as -30%). */
export function formatPercentChange(pct: number): string {
  const truncated = Math.trunc(pct * 10) / 10;
  const text = Number.isInteger(truncated) ? truncated.toFixed(0) : truncated.toFixed(1);
  return `${pct > 0 ? "+" : ""}${text === "-0" ? "0" : text}%`;
}

/** One line for the patient page: "PR (-34% from baseline)", naming the computed response when overridden; no change without a complete sum. */
export function summarizeResponse(
  response: Response,
  pctFromBaseline: number | null,
  overriddenComputed: Response | null,
): string {
  const change = pctFromBaseline === null ? "sum incomplete" : `${formatPercentChange(pctFromBaseline)} from baseline`;
  return overriddenComputed === null
    ? `${response} (${change})`
    : `${response} (investigator; computed ${overriddenComputed}, ${change})`;
}
