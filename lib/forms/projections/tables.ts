/**
 * The typed tables the forms project to (issue 14), column by column in the SQL types the
 * writer declares when it inserts rows from JSON (lib/data/projections.ts). The same tables are
 * Prisma models in prisma/schema.prisma; an integration test checks this list against the
 * migrated database. Every table also has `id`, `patient_id` and `crf_record_id`, filled by
 * the writer: a projected row always names the saved form it was derived from.
 */
export type ColumnType = "date" | "text" | "integer" | "double precision" | "boolean" | "timestamp";

export const PROJECTION_TABLES = {
  dose_administrations: {
    visit_date: "date",
    drug: "text",
    dose_level: "integer",
    status: "text",
    status_reason: "text",
    mg_per_dose: "double precision",
    capsules_per_dose: "integer",
    doses_per_day: "integer",
    capsules_per_day: "double precision",
    dose_overridden: "boolean",
    capsules_dispensed: "integer",
    capsules_returned: "integer",
    compliance_pct: "double precision",
    bsa_m2: "double precision",
    weight_kg: "double precision",
    height_cm: "double precision",
  },
  adverse_events: {
    term: "text",
    meddra_code: "text",
    soc: "text",
    grade: "integer",
    onset_date: "date",
    ongoing: "boolean",
    resolution_date: "date",
    serious: "boolean",
    sae_death: "boolean",
    sae_life_threatening: "boolean",
    sae_hospitalization: "boolean",
    sae_disability: "boolean",
    sae_congenital_anomaly: "boolean",
    sae_other_important: "boolean",
    aware_at: "timestamp",
    reported_at: "timestamp",
    attribution_thalidomide: "text",
    attribution_uft: "text",
    action_thalidomide: "text",
    action_uft: "text",
    outcome: "text",
    death_date: "date",
  },
  lab_results: {
    sample_date: "date",
    test: "text",
    value: "double precision",
    unit: "text",
    lln: "double precision",
    uln: "double precision",
    canonical_value: "double precision",
    canonical_unit: "text",
    grade: "integer",
    ctcae_term: "text",
    baseline_value: "double precision",
  },
  tumour_lesions: {
    assessment_date: "date",
    lesion_id: "text",
    kind: "text",
    organ: "text",
    location: "text",
    method: "text",
    baseline_diameter_mm: "double precision",
  },
  lesion_measurements: {
    assessment_date: "date",
    lesion_id: "text",
    status: "text",
    diameter_mm: "double precision",
  },
  timepoint_responses: {
    assessment_date: "date",
    method: "text",
    non_target_status: "text",
    new_lesions: "boolean",
    baseline_sum_mm: "double precision",
    nadir_sum_mm: "double precision",
    current_sum_mm: "double precision",
    pct_from_baseline: "double precision",
    pct_from_nadir: "double precision",
    target_response: "text",
    computed_response: "text",
    response: "text",
    response_overridden: "boolean",
    recist_version: "text",
  },
  cytokine_results: {
    sample_date: "date",
    analyte: "text",
    value: "double precision",
    unit: "text",
    value_pg_ml: "double precision",
    lloq: "double precision",
    lloq_pg_ml: "double precision",
    below_lloq: "boolean",
  },
  eligibility_assessments: {
    consent_date: "date",
    eligible: "boolean",
    unanswered_count: "integer",
  },
  eligibility_answers: {
    criterion_id: "text",
    answer: "text",
  },
  end_of_study: {
    progression_date_entered: "date",
    last_known_alive_date: "date",
    death_date: "date",
    death_cause: "text",
    off_treatment_date: "date",
    off_treatment_reason: "text",
    off_study_date: "date",
    off_study_reason: "text",
    progression_date: "date",
    progression_source: "text",
    pfs_days: "integer",
    pfs_months: "double precision",
    pfs_event: "boolean",
    os_days: "integer",
    os_months: "double precision",
    os_event: "boolean",
  },
} as const satisfies Record<string, Record<string, ColumnType>>;

export type ProjectionTableName = keyof typeof PROJECTION_TABLES;

type ValueOf<T extends ColumnType> = T extends "integer" | "double precision"
  ? number
  : T extends "boolean"
    ? boolean
    : string;

/** One row of a typed table as a projection produces it (every column present; null = not recorded). */
export type ProjectedRow<T extends ProjectionTableName> = {
  [C in keyof (typeof PROJECTION_TABLES)[T]]: (typeof PROJECTION_TABLES)[T][C] extends ColumnType
    ? ValueOf<(typeof PROJECTION_TABLES)[T][C]> | null
    : never;
};

/** What one saved form projects to: rows per table (a table the form writes but left out = no rows). */
export type ProjectedRows = { [T in ProjectionTableName]?: ProjectedRow<T>[] };

export const PROJECTION_TABLE_NAMES = Object.keys(PROJECTION_TABLES) as ProjectionTableName[];
