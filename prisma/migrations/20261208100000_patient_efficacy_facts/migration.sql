-- Issue 14 item 5: per-patient efficacy facts, kept up to date by the save that changes them
-- (lib/data/efficacy-facts.ts), so the efficacy, biomarker and patient-outcome analyses read one
-- row per patient instead of every form's JSON. Derived by the analyses' own functions
-- (lib/analysis/efficacy-facts.ts); `npm run projections:rebuild` derives them again, and the
-- migration run that applies this fills them for existing databases (lib/data/projections-rebuild.ts).
-- One row per patient: a study key comes with the patient.

-- CreateTable
CREATE TABLE "patient_efficacy_facts" (
    "patient_id" UUID NOT NULL,
    "assessment_visit_keys" TEXT[] NOT NULL,
    "assessment_dates" DATE[] NOT NULL,
    "assessment_responses" TEXT[] NOT NULL,
    "assessment_pct_from_baseline" DOUBLE PRECISION[] NOT NULL,
    "best_overall_response" VARCHAR(2) NOT NULL,
    "bor_confirmed" BOOLEAN NOT NULL,
    "progression_date" DATE,
    "progression_source" VARCHAR(16),
    "progression_record_id" UUID,
    "end_of_study_record_id" UUID,
    "progression_date_entered" DATE,
    "death_date" DATE,
    "last_known_alive_date" DATE,
    "off_treatment_date" DATE,
    "off_study_date" DATE,
    "cytokines_record_id" UUID,
    "cytokine_analytes" TEXT[] NOT NULL,
    "cytokine_values" DOUBLE PRECISION[] NOT NULL,
    "cytokine_units" TEXT[] NOT NULL,
    "cytokine_lloqs" DOUBLE PRECISION[] NOT NULL,
    "cytokine_below_lloq" BOOLEAN[] NOT NULL,
    "last_visit_date" DATE,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "patient_efficacy_facts_pkey" PRIMARY KEY ("patient_id"),
    CONSTRAINT "patient_efficacy_facts_bor_check" CHECK ("best_overall_response" IN ('CR', 'PR', 'SD', 'PD', 'NE')),
    -- Only a response of CR or PR is confirmed.
    CONSTRAINT "patient_efficacy_facts_confirmed_check" CHECK (NOT "bor_confirmed" OR "best_overall_response" IN ('CR', 'PR')),
    -- A progression has a date and a source, or neither; an entered one comes from the end-of-study form.
    CONSTRAINT "patient_efficacy_facts_progression_check" CHECK (
        ("progression_date" IS NULL) = ("progression_source" IS NULL)
        AND "progression_source" IN ('assessments', 'entered')
        AND ("progression_source" <> 'entered' OR "progression_record_id" = "end_of_study_record_id")
    ),
    -- Each assessment has a date and a response; each analyte a unit and a below-LLOQ flag.
    CONSTRAINT "patient_efficacy_facts_assessments_check" CHECK (
        cardinality("assessment_dates") = cardinality("assessment_visit_keys")
        AND cardinality("assessment_dates") = cardinality("assessment_responses")
        AND cardinality("assessment_dates") = cardinality("assessment_pct_from_baseline")
        AND "assessment_responses" <@ ARRAY['CR', 'PR', 'SD', 'PD', 'NE']::TEXT[]
    ),
    CONSTRAINT "patient_efficacy_facts_cytokines_check" CHECK (
        cardinality("cytokine_analytes") = cardinality("cytokine_values")
        AND cardinality("cytokine_analytes") = cardinality("cytokine_units")
        AND cardinality("cytokine_analytes") = cardinality("cytokine_lloqs")
        AND cardinality("cytokine_analytes") = cardinality("cytokine_below_lloq")
        AND ("cytokines_record_id" IS NOT NULL OR cardinality("cytokine_analytes") = 0)
    ),
    CONSTRAINT "patient_efficacy_facts_dates_check" CHECK ("last_known_alive_date" <= "death_date")
);

-- AddForeignKey
ALTER TABLE "patient_efficacy_facts" ADD CONSTRAINT "patient_efficacy_facts_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_efficacy_facts" ADD CONSTRAINT "patient_efficacy_facts_progression_record_id_fkey" FOREIGN KEY ("progression_record_id") REFERENCES "crf_records"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_efficacy_facts" ADD CONSTRAINT "patient_efficacy_facts_end_of_study_record_id_fkey" FOREIGN KEY ("end_of_study_record_id") REFERENCES "crf_records"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_efficacy_facts" ADD CONSTRAINT "patient_efficacy_facts_cytokines_record_id_fkey" FOREIGN KEY ("cytokines_record_id") REFERENCES "crf_records"("id") ON DELETE SET NULL ON UPDATE CASCADE;
