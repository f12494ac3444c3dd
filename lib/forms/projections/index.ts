import type { AdverseEventData } from "../adverse-event-schema";
import type { CytokinesData } from "../cytokines-form";
import type { DosingData } from "../dosing/dosing-schema";
import type { EligibilityData } from "../eligibility-form";
import type { EndOfStudyData } from "../end-of-study-form";
import type { LabsData } from "../labs/labs-schema";
import type { TumourAssessmentData, TumourBaselineData } from "../tumour-schemas";
import { projectAdverseEvent } from "./adverse-event";
import { projectCytokines } from "./cytokines";
import { projectDosing } from "./dosing";
import { projectEligibility } from "./eligibility";
import { projectEndOfStudy } from "./end-of-study";
import { projectLabs } from "./labs";
import type { ProjectedRows, ProjectionTableName } from "./tables";
import { projectTumourAssessment, projectTumourBaseline } from "./tumour";

export { PROJECTION_TABLE_NAMES, PROJECTION_TABLES, type ColumnType, type ProjectedRow, type ProjectedRows, type ProjectionTableName } from "./tables";

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

const projection = <D>(tables: readonly ProjectionTableName[], project: (data: D, computed: Record<string, unknown>) => ProjectedRows): FormProjection => ({
  tables,
  project: project as FormProjection["project"],
});

const PROJECTIONS: Readonly<Record<string, FormProjection>> = {
  dosing: projection<DosingData>(["dose_administrations"], (data, computed) => projectDosing(data, computed)),
  "adverse-event": projection<AdverseEventData>(["adverse_events"], (data) => projectAdverseEvent(data)),
  labs: projection<LabsData>(["lab_results"], (data, computed) => projectLabs(data, computed)),
  "tumour-baseline": projection<TumourBaselineData>(["tumour_lesions"], (data) => projectTumourBaseline(data)),
  "tumour-assessment": projection<TumourAssessmentData>(["lesion_measurements", "timepoint_responses"], projectTumourAssessment),
  cytokines: projection<CytokinesData>(["cytokine_results"], (data) => projectCytokines(data)),
  eligibility: projection<EligibilityData>(["eligibility_assessments", "eligibility_answers"], (data) => projectEligibility(data)),
  "end-of-study": projection<EndOfStudyData>(["end_of_study"], projectEndOfStudy),
};

export function getFormProjection(formType: string): FormProjection | null {
  return PROJECTIONS[formType] ?? null;
}

/** The form types that have typed tables. */
export const PROJECTED_FORM_TYPES = Object.keys(PROJECTIONS);
