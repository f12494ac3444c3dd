import type { FormContext } from "./form-definition";
import { findForm } from "./form-types";

/** The informed consent date on the patient's eligibility form, or null before it is recorded. */
export function recordedConsentDate(context: FormContext): string | null {
  const consentDate = findForm(context.records, "eligibility")?.consentDate;
  // A record saved before the field was required may lack it.
  return typeof consentDate === "string" && consentDate !== "" ? consentDate : null;
}

/**
 * A baseline date (assessment, sample) must fall after informed consent (ICH E6(R2) 4.8.8:
 * no trial procedure before consent) and, once the patient is enrolled, on or before day 1
 * (protocol: baseline is pre-treatment; a day-1 sample is taken before the first dose).
 */
export function checkBaselineDate(
  date: string,
  field: string,
  what: string,
  context: FormContext,
): Record<string, string[]> {
  const consentDate = recordedConsentDate(context);
  if (consentDate && date < consentDate)
    return { [field]: [`The ${what} cannot be before informed consent (${consentDate})`] };
  if (context.enrollmentDate && date > context.enrollmentDate) {
    return {
      [field]: [`The ${what} must be on or before day 1 (${context.enrollmentDate}): baseline is before treatment`],
    };
  }
  return {};
}
