import type { FormContext } from "@/lib/forms/form-definition";

/** What every case report form component receives from the form page. */
export interface CrfFormProps {
  patientId: string;
  visitKey: string | null;
  /** The saved record when editing (its version guards against overwriting others' changes). */
  record: { id: string; version: number; data: unknown; computed: Record<string, unknown> } | null;
  /** The same context the server validates and computes with. */
  context: FormContext;
  today: string;
  /** Who is entering data: an expired session is renewed for this account in place, keeping the entries. */
  signedInEmail?: string;
  /** Values a new form starts with because the user asked for them (the labs' grade-3 link: term, grade, onset). */
  prefill?: Readonly<Record<string, string>>;
  /** The next incomplete form of this visit, for "Save and next" (lib/forms/next-form); none: Save only. */
  nextForm?: { href: string; title: string } | null;
  /** The analytes a new baseline cytokines form lists (the study settings). */
  cytokinePanel?: readonly string[];
}
