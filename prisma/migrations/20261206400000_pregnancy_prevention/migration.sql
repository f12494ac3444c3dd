-- CreateTable
CREATE TABLE "pregnancy_prevention_rules" (
    "study_id" INTEGER NOT NULL DEFAULT 1,
    "first_dose_test_window_hours" INTEGER NOT NULL,
    "retest_interval_days" INTEGER NOT NULL,
    "counselling_required" BOOLEAN NOT NULL,
    "male_counselling_required" BOOLEAN NOT NULL,
    "max_supply_days" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pregnancy_prevention_rules_pkey" PRIMARY KEY ("study_id")
);

-- AddForeignKey
ALTER TABLE "pregnancy_prevention_rules" ADD CONSTRAINT "pregnancy_prevention_rules_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study_settings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The thalidomide pregnancy prevention programme's rules in every database (US Thalomid REMS,
-- Prescribing Information section 5.1 and the REMS programme): a negative test within 24 hours
-- before the first dose, again at least every 4 weeks, counselling confirmed, at most a 28-day supply.
INSERT INTO "pregnancy_prevention_rules" ("study_id", "first_dose_test_window_hours", "retest_interval_days", "counselling_required", "male_counselling_required", "max_supply_days", "updated_at")
VALUES (1, 24, 28, true, true, 28, CURRENT_TIMESTAMP);

-- The pregnancy test form is an event form (any number, no visit key), like adverse events.
ALTER TABLE "crf_records" DROP CONSTRAINT "crf_records_visit_key_matches_form";
ALTER TABLE "crf_records" ADD CONSTRAINT "crf_records_visit_key_matches_form" CHECK (
  -- COALESCE: a NULL visit key compares as unknown, which a CHECK would let through.
  "deleted_at" IS NOT NULL OR COALESCE(CASE "form_type"
    WHEN 'adverse-event' THEN "visit_key" IS NULL
    WHEN 'pregnancy-test' THEN "visit_key" IS NULL
    WHEN 'eligibility' THEN "visit_key" = 'screening'
    WHEN 'baseline' THEN "visit_key" = 'baseline'
    WHEN 'cytokines' THEN "visit_key" = 'baseline'
    WHEN 'tumour-baseline' THEN "visit_key" = 'baseline-imaging'
    WHEN 'end-of-study' THEN "visit_key" = 'end-of-study'
    ELSE "visit_key" ~ '^(day1|week[1-9][0-9]{0,2})$'
  END, FALSE)
) NOT VALID;

DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "crf_records"
    WHERE "deleted_at" IS NULL AND "form_type" NOT IN ('adverse-event', 'pregnancy-test', 'eligibility', 'baseline', 'cytokines', 'tumour-baseline', 'end-of-study')
      AND ("visit_key" IS NULL OR "visit_key" !~ '^(day1|week[1-9][0-9]{0,2})$')
  ) THEN
    ALTER TABLE "crf_records" VALIDATE CONSTRAINT "crf_records_visit_key_matches_form";
  END IF;
END $$;
