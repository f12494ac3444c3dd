import type { AdverseEventData } from "./adverse-event-schema";
import type { BaselineData } from "./baseline-form";
import type { CytokinesData } from "./cytokines-form";
import type { DosingData } from "./dosing/dosing-schema";
import type { EligibilityData } from "./eligibility-form";
import type { EndOfStudyData } from "./end-of-study-form";
import type { LabsData } from "./labs/labs-schema";
import type { PregnancyTestData } from "./pregnancy-test-form";
import type { TumourAssessmentData, TumourBaselineData } from "./tumour-schemas";

/**
 * Each form type of the registry (./registry.ts) and the data its zod schema validates
 * (z.output of the schema): what a saved record's `data` holds. `defineForm` erases the schema
 * type so the registry can list every form together; this map gives it back to readers, so
 * `readForm(record, "dosing")` is dosing data and a misspelt form type does not compile.
 * form-types.test.ts checks the list against the registry.
 */
export interface FormDataByType {
  eligibility: EligibilityData;
  baseline: BaselineData;
  cytokines: CytokinesData;
  "tumour-baseline": TumourBaselineData;
  dosing: DosingData;
  labs: LabsData;
  "tumour-assessment": TumourAssessmentData;
  "adverse-event": AdverseEventData;
  "pregnancy-test": PregnancyTestData;
  "end-of-study": EndOfStudyData;
}

export type FormType = keyof FormDataByType;
export type FormDataOf<T extends FormType> = FormDataByType[T];

/** Every form type, in the registry's order. */
export const FORM_TYPES = [
  "eligibility",
  "baseline",
  "cytokines",
  "tumour-baseline",
  "dosing",
  "labs",
  "tumour-assessment",
  "adverse-event",
  "pregnancy-test",
  "end-of-study",
] as const satisfies readonly FormType[];

// Both directions: a type in the map but not in the list fails here too.
type Missing = Exclude<FormType, (typeof FORM_TYPES)[number]>;
const everyFormTypeListed: Missing extends never ? true : false = true;
void everyFormTypeListed;

export function isFormType(value: string): value is FormType {
  return (FORM_TYPES as readonly string[]).includes(value);
}

/**
 * A saved record's data as its form's type, or null when the record is of another form. The
 * data were validated by that form's schema when saved (the one write path), so no parsing
 * here; a reader that must survive older records still reads optional members defensively.
 */
export function readForm<T extends FormType>(
  record: { formType: string; data: unknown },
  type: T,
): FormDataOf<T> | null {
  return record.formType === type ? (record.data as FormDataOf<T>) : null;
}

/** The first of `records` of the given form, as that form's data, or null when there is none. */
export function findForm<T extends FormType>(
  records: readonly { formType: string; data: unknown }[],
  type: T,
): FormDataOf<T> | null {
  const record = records.find((r) => r.formType === type);
  return record ? readForm(record, type) : null;
}
