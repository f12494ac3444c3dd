import type { z } from "zod";

/** What the server knows about the patient when it validates and computes a form. */
export interface FormContext {
  screeningDate: string;
  enrollmentDate: string | null;
}

/**
 * A case report form: its shared zod schema (browser and server), how to judge it complete,
 * what the rules engine computes from it, and rules that need the patient's other data.
 * Adding a form = a definition here + a component in components/forms/crf.
 */
export interface FormDefinition<S extends z.ZodType = z.ZodType> {
  type: string;
  title: string;
  /** Event forms (adverse events, lesions) may be recorded many times; visit forms once per visit. */
  repeating: boolean;
  schema: S;
  /** Field labels (with units) for audit views and the export data dictionary, by field path. */
  labels: Readonly<Record<string, string>>;
  isComplete: (data: z.output<S>) => boolean;
  compute?: (data: z.output<S>, context: FormContext) => Record<string, unknown>;
  /** Cross-form checks (dates in order...), as field errors keyed by path. */
  checkInContext?: (data: z.output<S>, context: FormContext) => Record<string, string[]>;
}

export function defineForm<S extends z.ZodType>(definition: FormDefinition<S>): FormDefinition {
  return definition as unknown as FormDefinition;
}
