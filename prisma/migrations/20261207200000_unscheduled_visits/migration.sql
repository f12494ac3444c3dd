-- Unscheduled visits (issue 17, item 5): a tumour assessment, labs or dosing form can be filed
-- under the visit key 'unscheduled' (an unscheduled day-33 scan is no longer filed as week8),
-- any number per patient, each dated by its own form. lib/forms/form-identity.ts holds the
-- same rule for the save path. Other forms keep their rule from 20261206400000.
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
    WHEN 'tumour-assessment' THEN "visit_key" ~ '^(day1|week[1-9][0-9]{0,2}|unscheduled)$'
    WHEN 'labs' THEN "visit_key" ~ '^(day1|week[1-9][0-9]{0,2}|unscheduled)$'
    WHEN 'dosing' THEN "visit_key" ~ '^(day1|week[1-9][0-9]{0,2}|unscheduled)$'
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

-- One form per scheduled visit, any number of unscheduled ones (partial: Prisma's schema cannot express it).
DROP INDEX "crf_records_one_per_visit";
CREATE UNIQUE INDEX "crf_records_one_per_visit" ON "crf_records"("patient_id", "form_type", "visit_key") WHERE "deleted_at" IS NULL AND "visit_key" IS NOT NULL AND "visit_key" <> 'unscheduled';
