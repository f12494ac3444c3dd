-- Issue 14: the trial's own typed tables beside the record of capture (crf_records). Every row
-- is derived from one saved form (crf_record_id) by that form's projection (lib/forms/projections),
-- written by the save path in the save's transaction; a withdrawn (soft-deleted) form has no rows.
-- The CHECK constraints state what can never be true, whichever program writes the rows.
-- Existing databases are filled by the app's migrate step (lib/data/projections-rebuild.ts),
-- which rebuilds every projection from crf_records in the run that applies this migration.

-- CreateTable
CREATE TABLE "dose_administrations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "crf_record_id" UUID NOT NULL,
    "visit_date" DATE NOT NULL,
    "drug" VARCHAR(16) NOT NULL,
    "dose_level" INTEGER NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "status_reason" VARCHAR(16),
    "mg_per_dose" DOUBLE PRECISION,
    "capsules_per_dose" INTEGER,
    "doses_per_day" INTEGER,
    "capsules_per_day" DOUBLE PRECISION,
    "dose_overridden" BOOLEAN NOT NULL,
    "capsules_dispensed" INTEGER,
    "capsules_returned" INTEGER,
    "compliance_pct" DOUBLE PRECISION,
    "bsa_m2" DOUBLE PRECISION,
    "weight_kg" DOUBLE PRECISION NOT NULL,
    "height_cm" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "dose_administrations_pkey" PRIMARY KEY ("id"),
    -- The protocol's two study drugs (thalidomide 100 mg bid, UFT by BSA).
    CONSTRAINT "dose_administrations_drug_check" CHECK ("drug" IN ('thalidomide', 'uft')),
    CONSTRAINT "dose_administrations_status_check" CHECK ("status" IN ('given', 'held', 'reduced', 'discontinued')),
    CONSTRAINT "dose_administrations_status_reason_check" CHECK ("status_reason" IN ('toxicity', 'other')),
    CONSTRAINT "dose_administrations_reason_when_not_given_check" CHECK (("status" = 'given') OR ("status_reason" IS NOT NULL)),
    CONSTRAINT "dose_administrations_amounts_check" CHECK ("mg_per_dose" >= 0 AND "capsules_per_dose" >= 0 AND "doses_per_day" >= 0 AND "capsules_per_day" >= 0 AND "compliance_pct" >= 0),
    CONSTRAINT "dose_administrations_capsules_check" CHECK ("capsules_dispensed" >= 0 AND "capsules_returned" >= 0),
    CONSTRAINT "dose_administrations_body_check" CHECK ("weight_kg" > 0 AND "height_cm" > 0 AND "bsa_m2" > 0)
);

-- CreateTable
CREATE TABLE "adverse_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "crf_record_id" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "meddra_code" VARCHAR(16),
    "soc" TEXT,
    "grade" INTEGER NOT NULL,
    "onset_date" DATE NOT NULL,
    "ongoing" BOOLEAN NOT NULL,
    "resolution_date" DATE,
    "serious" BOOLEAN,
    "sae_death" BOOLEAN NOT NULL,
    "sae_life_threatening" BOOLEAN NOT NULL,
    "sae_hospitalization" BOOLEAN NOT NULL,
    "sae_disability" BOOLEAN NOT NULL,
    "sae_congenital_anomaly" BOOLEAN NOT NULL,
    "sae_other_important" BOOLEAN NOT NULL,
    "aware_at" TIMESTAMP(0),
    "reported_at" TIMESTAMP(0),
    "attribution_thalidomide" VARCHAR(16),
    "attribution_uft" VARCHAR(16),
    "action_thalidomide" VARCHAR(16),
    "action_uft" VARCHAR(16),
    "outcome" VARCHAR(32),
    "death_date" DATE,

    CONSTRAINT "adverse_events_pkey" PRIMARY KEY ("id"),
    -- CTCAE v5.0 grades 1 (mild) to 5 (death related to the AE).
    CONSTRAINT "adverse_events_grade_check" CHECK ("grade" BETWEEN 1 AND 5),
    CONSTRAINT "adverse_events_resolution_check" CHECK ("resolution_date" IS NULL OR ("resolution_date" >= "onset_date" AND NOT "ongoing")),
    CONSTRAINT "adverse_events_death_check" CHECK ("death_date" IS NULL OR ("grade" = 5 AND "death_date" >= "onset_date")),
    CONSTRAINT "adverse_events_attribution_check" CHECK ("attribution_thalidomide" IN ('unrelated', 'unlikely', 'possible', 'probable', 'definite') AND "attribution_uft" IN ('unrelated', 'unlikely', 'possible', 'probable', 'definite')),
    CONSTRAINT "adverse_events_action_check" CHECK ("action_thalidomide" IN ('none', 'dose-reduced', 'interrupted', 'withdrawn') AND "action_uft" IN ('none', 'dose-reduced', 'interrupted', 'withdrawn')),
    CONSTRAINT "adverse_events_outcome_check" CHECK ("outcome" IN ('recovered', 'recovering', 'not-recovered', 'recovered-with-sequelae', 'fatal', 'unknown'))
);

-- CreateTable
CREATE TABLE "lab_results" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "crf_record_id" UUID NOT NULL,
    "sample_date" DATE NOT NULL,
    "test" VARCHAR(32) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" VARCHAR(20) NOT NULL,
    "lln" DOUBLE PRECISION,
    "uln" DOUBLE PRECISION,
    "canonical_value" DOUBLE PRECISION,
    "canonical_unit" VARCHAR(20),
    "grade" INTEGER,
    "ctcae_term" TEXT,
    "baseline_value" DOUBLE PRECISION,

    CONSTRAINT "lab_results_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "lab_results_values_check" CHECK ("value" >= 0 AND "lln" >= 0 AND "uln" >= 0 AND "canonical_value" >= 0 AND "baseline_value" >= 0),
    CONSTRAINT "lab_results_range_check" CHECK ("lln" < "uln"),
    CONSTRAINT "lab_results_grade_check" CHECK ("grade" BETWEEN 0 AND 5)
);

-- CreateTable
CREATE TABLE "tumour_lesions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "crf_record_id" UUID NOT NULL,
    "assessment_date" DATE NOT NULL,
    "lesion_id" VARCHAR(4) NOT NULL,
    "kind" VARCHAR(12) NOT NULL,
    "organ" VARCHAR(60) NOT NULL,
    "location" TEXT NOT NULL,
    "method" VARCHAR(16),
    "baseline_diameter_mm" DOUBLE PRECISION,

    CONSTRAINT "tumour_lesions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tumour_lesions_kind_check" CHECK ("kind" IN ('target', 'non-target')),
    CONSTRAINT "tumour_lesions_method_check" CHECK ("method" IN ('spiral-ct', 'ct', 'mri', 'chest-xray', 'caliper')),
    -- Only target lesions are measured at baseline, and a measured lesion has a size.
    CONSTRAINT "tumour_lesions_diameter_check" CHECK ("baseline_diameter_mm" IS NULL OR ("baseline_diameter_mm" > 0 AND "kind" = 'target'))
);

-- CreateTable
CREATE TABLE "lesion_measurements" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "crf_record_id" UUID NOT NULL,
    "assessment_date" DATE NOT NULL,
    "lesion_id" VARCHAR(4) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "diameter_mm" DOUBLE PRECISION,

    CONSTRAINT "lesion_measurements_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "lesion_measurements_status_check" CHECK ("status" IN ('measured', 'too-small', 'disappeared', 'not-assessed')),
    -- A diameter belongs to a measured lesion, and every measured lesion has one.
    CONSTRAINT "lesion_measurements_diameter_check" CHECK (("status" = 'measured') = ("diameter_mm" IS NOT NULL) AND "diameter_mm" >= 0)
);

-- CreateTable
CREATE TABLE "timepoint_responses" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "crf_record_id" UUID NOT NULL,
    "assessment_date" DATE NOT NULL,
    "method" VARCHAR(16),
    "non_target_status" VARCHAR(16),
    "new_lesions" BOOLEAN,
    "baseline_sum_mm" DOUBLE PRECISION,
    "nadir_sum_mm" DOUBLE PRECISION,
    "current_sum_mm" DOUBLE PRECISION,
    "pct_from_baseline" DOUBLE PRECISION,
    "pct_from_nadir" DOUBLE PRECISION,
    "target_response" VARCHAR(8),
    "computed_response" VARCHAR(4),
    "response" VARCHAR(4),
    "response_overridden" BOOLEAN NOT NULL,
    "recist_version" VARCHAR(8) NOT NULL,

    CONSTRAINT "timepoint_responses_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "timepoint_responses_method_check" CHECK ("method" IN ('spiral-ct', 'ct', 'mri', 'chest-xray', 'caliper')),
    CONSTRAINT "timepoint_responses_non_target_check" CHECK ("non_target_status" IN ('CR', 'NON_CR_NON_PD', 'PD', 'NE', 'ABSENT')),
    -- RECIST overall responses.
    CONSTRAINT "timepoint_responses_response_check" CHECK ("computed_response" IN ('CR', 'PR', 'SD', 'PD', 'NE') AND "response" IN ('CR', 'PR', 'SD', 'PD', 'NE')),
    CONSTRAINT "timepoint_responses_sums_check" CHECK ("baseline_sum_mm" >= 0 AND "nadir_sum_mm" >= 0 AND "current_sum_mm" >= 0)
);

-- CreateTable
CREATE TABLE "cytokine_results" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "crf_record_id" UUID NOT NULL,
    "sample_date" DATE NOT NULL,
    "analyte" VARCHAR(40) NOT NULL,
    "value" DOUBLE PRECISION,
    "unit" VARCHAR(8) NOT NULL,
    "value_pg_ml" DOUBLE PRECISION,
    "lloq" DOUBLE PRECISION,
    "lloq_pg_ml" DOUBLE PRECISION,
    "below_lloq" BOOLEAN NOT NULL,

    CONSTRAINT "cytokine_results_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cytokine_results_unit_check" CHECK ("unit" IN ('pg/mL', 'ng/mL', 'ng/L')),
    CONSTRAINT "cytokine_results_values_check" CHECK ("value" >= 0 AND "value_pg_ml" >= 0 AND "lloq" > 0 AND "lloq_pg_ml" > 0),
    -- Below the LLOQ there is no value (never a zero), and the limit is known.
    CONSTRAINT "cytokine_results_below_lloq_check" CHECK (NOT "below_lloq" OR ("value" IS NULL AND "lloq" IS NOT NULL))
);

-- CreateTable
CREATE TABLE "eligibility_assessments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "crf_record_id" UUID NOT NULL,
    "consent_date" DATE NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "unanswered_count" INTEGER NOT NULL,

    CONSTRAINT "eligibility_assessments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "eligibility_assessments_unanswered_check" CHECK ("unanswered_count" >= 0 AND NOT ("eligible" AND "unanswered_count" > 0))
);

-- CreateTable
CREATE TABLE "eligibility_answers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "crf_record_id" UUID NOT NULL,
    "criterion_id" VARCHAR(16) NOT NULL,
    "answer" VARCHAR(3),

    CONSTRAINT "eligibility_answers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "eligibility_answers_answer_check" CHECK ("answer" IN ('yes', 'no'))
);

-- CreateTable
CREATE TABLE "end_of_study" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patient_id" UUID NOT NULL,
    "crf_record_id" UUID NOT NULL,
    "progression_date_entered" DATE,
    "last_known_alive_date" DATE,
    "death_date" DATE,
    "death_cause" VARCHAR(32),
    "off_treatment_date" DATE,
    "off_treatment_reason" VARCHAR(32),
    "off_study_date" DATE,
    "off_study_reason" VARCHAR(32),
    "progression_date" DATE,
    "progression_source" VARCHAR(16),
    "pfs_days" INTEGER,
    "pfs_months" DOUBLE PRECISION,
    "pfs_event" BOOLEAN,
    "os_days" INTEGER,
    "os_months" DOUBLE PRECISION,
    "os_event" BOOLEAN,

    CONSTRAINT "end_of_study_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "end_of_study_death_cause_check" CHECK ("death_cause" IS NULL OR ("death_cause" IN ('disease-progression', 'toxicity', 'other') AND "death_date" IS NOT NULL)),
    CONSTRAINT "end_of_study_off_treatment_check" CHECK ("off_treatment_reason" IN ('progression', 'toxicity', 'patient-decision', 'investigator-decision', 'death', 'other')),
    CONSTRAINT "end_of_study_off_study_check" CHECK ("off_study_reason" IN ('follow-up-completed', 'death', 'lost-to-follow-up', 'consent-withdrawn', 'investigator-decision', 'other')),
    -- Nobody is known alive after their death; survival times are never negative.
    CONSTRAINT "end_of_study_dates_check" CHECK ("last_known_alive_date" <= "death_date"),
    CONSTRAINT "end_of_study_times_check" CHECK ("pfs_days" >= 0 AND "os_days" >= 0 AND "pfs_months" >= 0 AND "os_months" >= 0)
);

-- CreateIndex
CREATE INDEX "dose_administrations_patient_id_visit_date_idx" ON "dose_administrations"("patient_id", "visit_date");

-- CreateIndex
CREATE INDEX "dose_administrations_crf_record_id_idx" ON "dose_administrations"("crf_record_id");

-- CreateIndex
CREATE INDEX "dose_administrations_drug_status_idx" ON "dose_administrations"("drug", "status");

-- CreateIndex
CREATE INDEX "adverse_events_patient_id_onset_date_idx" ON "adverse_events"("patient_id", "onset_date");

-- CreateIndex
CREATE INDEX "adverse_events_crf_record_id_idx" ON "adverse_events"("crf_record_id");

-- CreateIndex
CREATE INDEX "adverse_events_term_grade_idx" ON "adverse_events"("term", "grade");

-- CreateIndex
CREATE INDEX "adverse_events_grade_idx" ON "adverse_events"("grade");

-- CreateIndex
CREATE INDEX "adverse_events_onset_date_idx" ON "adverse_events"("onset_date");

-- CreateIndex
CREATE INDEX "lab_results_patient_id_sample_date_idx" ON "lab_results"("patient_id", "sample_date");

-- CreateIndex
CREATE INDEX "lab_results_crf_record_id_idx" ON "lab_results"("crf_record_id");

-- CreateIndex
CREATE INDEX "lab_results_test_grade_idx" ON "lab_results"("test", "grade");

-- CreateIndex
CREATE INDEX "tumour_lesions_patient_id_idx" ON "tumour_lesions"("patient_id");

-- CreateIndex
CREATE INDEX "tumour_lesions_crf_record_id_idx" ON "tumour_lesions"("crf_record_id");

-- CreateIndex
CREATE INDEX "lesion_measurements_patient_id_assessment_date_idx" ON "lesion_measurements"("patient_id", "assessment_date");

-- CreateIndex
CREATE INDEX "lesion_measurements_crf_record_id_idx" ON "lesion_measurements"("crf_record_id");

-- CreateIndex
CREATE INDEX "timepoint_responses_patient_id_assessment_date_idx" ON "timepoint_responses"("patient_id", "assessment_date");

-- CreateIndex
CREATE INDEX "timepoint_responses_crf_record_id_idx" ON "timepoint_responses"("crf_record_id");

-- CreateIndex
CREATE INDEX "timepoint_responses_response_idx" ON "timepoint_responses"("response");

-- CreateIndex
CREATE INDEX "cytokine_results_patient_id_idx" ON "cytokine_results"("patient_id");

-- CreateIndex
CREATE INDEX "cytokine_results_crf_record_id_idx" ON "cytokine_results"("crf_record_id");

-- CreateIndex
CREATE INDEX "cytokine_results_analyte_idx" ON "cytokine_results"("analyte");

-- CreateIndex
CREATE INDEX "eligibility_assessments_patient_id_idx" ON "eligibility_assessments"("patient_id");

-- CreateIndex
CREATE INDEX "eligibility_assessments_crf_record_id_idx" ON "eligibility_assessments"("crf_record_id");

-- CreateIndex
CREATE INDEX "eligibility_answers_patient_id_idx" ON "eligibility_answers"("patient_id");

-- CreateIndex
CREATE INDEX "eligibility_answers_crf_record_id_idx" ON "eligibility_answers"("crf_record_id");

-- CreateIndex
CREATE INDEX "end_of_study_patient_id_idx" ON "end_of_study"("patient_id");

-- CreateIndex
CREATE INDEX "end_of_study_crf_record_id_idx" ON "end_of_study"("crf_record_id");

-- AddForeignKey
ALTER TABLE "dose_administrations" ADD CONSTRAINT "dose_administrations_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dose_administrations" ADD CONSTRAINT "dose_administrations_crf_record_id_fkey" FOREIGN KEY ("crf_record_id") REFERENCES "crf_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_crf_record_id_fkey" FOREIGN KEY ("crf_record_id") REFERENCES "crf_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_crf_record_id_fkey" FOREIGN KEY ("crf_record_id") REFERENCES "crf_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tumour_lesions" ADD CONSTRAINT "tumour_lesions_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tumour_lesions" ADD CONSTRAINT "tumour_lesions_crf_record_id_fkey" FOREIGN KEY ("crf_record_id") REFERENCES "crf_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lesion_measurements" ADD CONSTRAINT "lesion_measurements_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lesion_measurements" ADD CONSTRAINT "lesion_measurements_crf_record_id_fkey" FOREIGN KEY ("crf_record_id") REFERENCES "crf_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timepoint_responses" ADD CONSTRAINT "timepoint_responses_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timepoint_responses" ADD CONSTRAINT "timepoint_responses_crf_record_id_fkey" FOREIGN KEY ("crf_record_id") REFERENCES "crf_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cytokine_results" ADD CONSTRAINT "cytokine_results_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cytokine_results" ADD CONSTRAINT "cytokine_results_crf_record_id_fkey" FOREIGN KEY ("crf_record_id") REFERENCES "crf_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "eligibility_assessments" ADD CONSTRAINT "eligibility_assessments_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "eligibility_assessments" ADD CONSTRAINT "eligibility_assessments_crf_record_id_fkey" FOREIGN KEY ("crf_record_id") REFERENCES "crf_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "eligibility_answers" ADD CONSTRAINT "eligibility_answers_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "eligibility_answers" ADD CONSTRAINT "eligibility_answers_crf_record_id_fkey" FOREIGN KEY ("crf_record_id") REFERENCES "crf_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "end_of_study" ADD CONSTRAINT "end_of_study_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "end_of_study" ADD CONSTRAINT "end_of_study_crf_record_id_fkey" FOREIGN KEY ("crf_record_id") REFERENCES "crf_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;
