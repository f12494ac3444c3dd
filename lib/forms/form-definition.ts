import type { z } from "zod";
import type { SiteReferenceRange } from "@/lib/domain/ctcae/site-reference-range";
import type { DoseModificationRule } from "@/lib/domain/dosing/dose-modification";
import type { PatientStatus } from "@/lib/generated/prisma/enums";

/** Another saved form of the same patient, as cross-form rules see it. */
export interface RelatedRecord {
  id: string;
  formType: string;
  visitKey: string | null;
  data: unknown;
  computed: Record<string, unknown>;
}

/**
 * What the server knows about the patient when it validates and computes a form: the key
 * dates and every other saved form (e.g. the baseline lesions a follow-up assessment is
 * measured against, the weight the current dose was computed from). The browser gets the
 * same context so it can show the same computed values live.
 */
export interface FormContext {
  screeningDate: string;
  enrollmentDate: string | null;
  /** The patient's other saved forms (not the one being edited), oldest first. */
  records: readonly RelatedRecord[];
  /** The protocol's dose-modification table, for the dosing form's recommendation (the form page passes it). */
  doseModificationRules?: readonly DoseModificationRule[];
  /** The site laboratory's normal ranges, for forms that declare `readsLabReferenceRanges`. */
  labReferenceRanges?: LabRangeContext;
}

/** The patient's site laboratory ranges (every dated one) and the sex that picks sex-specific ranges. */
export interface LabRangeContext {
  siteCode: string;
  /** From the baseline form; null until it is entered. */
  sex: "female" | "male" | null;
  ranges: readonly SiteReferenceRange[];
}

/**
 * Where the patient page offers a form: the screening section, the baseline section, at
 * scheduled visits (the visit schedule names the form types), as events that may happen
 * any number of times (adverse events), or at the end of study.
 */
export type FormPlacement = "screening" | "baseline" | "visit" | "event" | "end-of-study";

/**
 * A case report form: its shared zod schema (browser and server), how to judge it complete,
 * what the rules engine computes from it, and rules that need the patient's other data.
 * Adding a form = a definition here + a component in components/forms/crf.
 */
/**
 * One step of a form's written upgrade path: turns data saved under version `n` of the form
 * (the key in `upgrades`) into version n + 1's shape. Pure, and total on what version n's
 * schema accepted; `description` says what changed, for the audit of an upgraded record.
 */
export interface FormUpgrade {
  description: string;
  upgrade: (data: unknown) => unknown;
}

export interface FormDefinition<S extends z.ZodType = z.ZodType> {
  type: string;
  title: string;
  /**
   * The version of this definition records are saved under (crf_records.form_version; 1 when
   * omitted). Raise it when a change would make data saved before fail the schema or mean
   * something else, and add the step from the previous version to `upgrades`
   * (docs/form-versions.md; lib/forms/form-version.ts checks the path is complete).
   */
  version?: number;
  /** The written upgrade path: `upgrades[n]` takes data saved under version n to version n + 1. */
  upgrades?: Readonly<Record<number, FormUpgrade>>;
  /** Event forms (adverse events) may be recorded many times; other forms once per visit. */
  repeating: boolean;
  placement: FormPlacement;
  /** The visit key a screening, baseline or end-of-study form is saved under. */
  fixedVisitKey?: string;
  schema: S;
  /** Field labels (with units) for audit views and the export data dictionary, by field path. */
  labels: Readonly<Record<string, string>>;
  isComplete: (data: z.output<S>) => boolean;
  compute?: (data: z.output<S>, context: FormContext) => Record<string, unknown>;
  /** Cross-form checks (dates in order...), as field errors keyed by path. */
  checkInContext?: (data: z.output<S>, context: FormContext) => Record<string, string[]>;
  /**
   * The other form types compute and checkInContext read from `context.records`; the save
   * loads only these (omitted: every form of the patient). A patient accumulates hundreds of
   * records over a trial, and the high-volume forms need few of them.
   */
  contextFormTypes?: readonly string[];
  /**
   * The form types whose data or computed values `compute` reads (its own type when it reads
   * its earlier records). A change to a record of one of them recomputes this form's records
   * (lib/data/recompute-dependents.ts), so a stored value never describes data that no longer exist.
   */
  dependsOn?: readonly string[];
  /**
   * Of `dependsOn`, the types of which compute reads only the earliest record's date (the first
   * dose): a change that leaves that date where it was recomputes nothing.
   */
  readsOnlyFirstDateOf?: readonly string[];
  /**
   * The data field that orders this form's records in time: chains (the previous dosing visit,
   * the tumour nadir) are recomputed oldest first. Absent for a form recorded once.
   */
  dateField?: string;
  /** The save loads the site's laboratory reference ranges into `context.labReferenceRanges`. */
  readsLabReferenceRanges?: boolean;
  /**
   * The patient status the saved data implies (a death date -> DEAD), or null for no change.
   * saveCrfRecord applies it, audited, in the save's own transaction, and only to enrolled
   * patients: screening statuses belong to enrollment and screen failure.
   */
  patientStatusAfterSave?: (data: z.output<S>) => PatientStatus | null;
}

export function defineForm<S extends z.ZodType>(definition: FormDefinition<S>): FormDefinition {
  return definition as unknown as FormDefinition;
}
