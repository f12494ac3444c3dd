import type { DosingComputed } from "../dosing/dosing-computed";
import { isFormType, type FormDataOf, type FormType } from "../form-types";
import type { LabsComputed } from "../labs/compute-labs";
import { projectAdverseEvent } from "./adverse-event";
import { projectCytokines } from "./cytokines";
import { projectDosing } from "./dosing";
import { projectEligibility } from "./eligibility";
import { projectEndOfStudy } from "./end-of-study";
import { projectLabs } from "./labs";
import type { ProjectedRows, ProjectionTableName } from "./tables";
import { projectTumourAssessment, projectTumourBaseline } from "./tumour";

export {
  PROJECTION_TABLE_NAMES,
  PROJECTION_TABLES,
  type ColumnType,
  type ProjectedRow,
  type ProjectedRows,
  type ProjectionTableName,
} from "./tables";

/**
 * How a form's saved record becomes rows of the typed tables: `tables` are every table it
 * writes (its rows there are replaced on each save, correction, withdrawal and recompute),
 * `project` is pure: the record's validated data and stored computed values in, rows out.
 * Forms without an entry (baseline, pregnancy test) are read from crf_records only.
 */
export interface FormProjection {
  tables: readonly ProjectionTableName[];
  project: (data: unknown, computed: Record<string, unknown>) => ProjectedRows;
}

/** A projection as declared, with the form's own data type (FormDataOf). */
interface TypedProjection<T extends FormType> {
  tables: readonly ProjectionTableName[];
  project: (data: FormDataOf<T>, computed: Record<string, unknown>) => ProjectedRows;
}

const PROJECTIONS: { readonly [T in FormType]?: TypedProjection<T> } = {
  dosing: {
    tables: ["dose_administrations"],
    project: (data, computed) => projectDosing(data, computed as Partial<DosingComputed>),
  },
  "adverse-event": { tables: ["adverse_events"], project: (data) => projectAdverseEvent(data) },
  labs: { tables: ["lab_results"], project: (data, computed) => projectLabs(data, computed as Partial<LabsComputed>) },
  "tumour-baseline": { tables: ["tumour_lesions"], project: (data) => projectTumourBaseline(data) },
  "tumour-assessment": { tables: ["lesion_measurements", "timepoint_responses"], project: projectTumourAssessment },
  cytokines: { tables: ["cytokine_results"], project: (data) => projectCytokines(data) },
  eligibility: {
    tables: ["eligibility_assessments", "eligibility_answers"],
    project: (data) => projectEligibility(data),
  },
  "end-of-study": { tables: ["end_of_study"], project: projectEndOfStudy },
};

export function getFormProjection(formType: string): FormProjection | null {
  // The save path hands over data its schema validated for this very form type.
  return isFormType(formType) ? ((PROJECTIONS[formType] as FormProjection | undefined) ?? null) : null;
}

/** The form types that have typed tables. */
export const PROJECTED_FORM_TYPES = Object.keys(PROJECTIONS);
