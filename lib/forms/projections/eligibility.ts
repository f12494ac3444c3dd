import { evaluateEligibility, TRIAL_ELIGIBILITY_CRITERIA } from "@/lib/domain/eligibility/criteria";
import type { EligibilityData } from "../eligibility-form";
import type { ProjectedRows } from "./tables";

/** Screening: the eligibility verdict, and one row per protocol criterion with its answer. */
export function projectEligibility(data: EligibilityData): ProjectedRows {
  const evaluation = evaluateEligibility(data.answers);
  return {
    eligibility_assessments: [
      {
        consent_date: data.consentDate,
        eligible: evaluation.eligible,
        unanswered_count: TRIAL_ELIGIBILITY_CRITERIA.filter(
          (c) => data.answers[c.id] !== "yes" && data.answers[c.id] !== "no",
        ).length,
      },
    ],
    eligibility_answers: TRIAL_ELIGIBILITY_CRITERIA.map((criterion) => ({
      criterion_id: criterion.id,
      answer: data.answers[criterion.id] ?? null,
    })),
  };
}
