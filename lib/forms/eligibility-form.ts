import { z } from "zod";
import { evaluateEligibility, TRIAL_ELIGIBILITY_CRITERIA } from "@/lib/domain/eligibility/criteria";
import { isoDate } from "@/lib/schemas/iso-date";
import { defineForm } from "./form-definition";

const answer = z.enum(["yes", "no"], { error: "Answer yes or no" }).nullable();

/** Screening: informed consent and the protocol's inclusion/exclusion checklist. */
export const EligibilitySchema = z.object({
  consentDate: isoDate("informed consent date"),
  answers: z.object(
    Object.fromEntries(TRIAL_ELIGIBILITY_CRITERIA.map((c) => [c.id, answer])) as Record<string, typeof answer>,
  ),
});

export type EligibilityData = z.output<typeof EligibilitySchema>;

export const eligibilityForm = defineForm({
  type: "eligibility",
  title: "Screening and eligibility",
  repeating: false,
  placement: "screening",
  fixedVisitKey: "screening",
  schema: EligibilitySchema,
  labels: {
    consentDate: "Informed consent date",
    ...Object.fromEntries(TRIAL_ELIGIBILITY_CRITERIA.map((c) => [`answers.${c.id}`, `${c.id}. ${c.text}`])),
  },
  isComplete: (data) => Object.values(data.answers).every((a) => a !== null),
  compute: (data) => {
    const result = evaluateEligibility(data.answers);
    return {
      eligible: result.eligible,
      reasons: result.reasons,
      summary: result.eligible ? "eligible" : "not eligible",
    };
  },
  checkInContext: (data, context): Record<string, string[]> =>
    context.enrollmentDate && data.consentDate > context.enrollmentDate
      ? { consentDate: ["Consent must be given on or before the enrollment date"] }
      : {},
});
