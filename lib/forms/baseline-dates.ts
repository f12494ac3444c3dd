import type { FormContext } from "./form-definition";

function consentDateOf(context: FormContext): string | null {
  const eligibility = context.records.find((r) => r.formType === "eligibility");
  const consentDate = (eligibility?.data as { consentDate?: unknown } | undefined)?.consentDate;
  return typeof consentDate === "string" ? consentDate : null;
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
  const consentDate = consentDateOf(context);
  if (consentDate && date < consentDate)
    return { [field]: [`The ${what} cannot be before informed consent (${consentDate})`] };
  if (context.enrollmentDate && date > context.enrollmentDate) {
    return {
      [field]: [`The ${what} must be on or before day 1 (${context.enrollmentDate}): baseline is before treatment`],
    };
  }
  return {};
}
