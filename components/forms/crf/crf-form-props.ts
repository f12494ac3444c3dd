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
  /** The analytes a new baseline cytokines form lists (the study settings). */
  cytokinePanel?: readonly string[];
}
