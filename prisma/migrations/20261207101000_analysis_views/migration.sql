-- Issue 14: read-only views for statisticians (R, SAS, Stata connect to the database directly),
-- over the typed tables, in a schema of their own. One row per patient, and one per adverse
-- event, lab result, dose administration, tumour lesion, lesion measurement, timepoint response
-- and cytokine result. Deleted patients are left out; withdrawn forms have no typed rows.
-- README "Connecting R, SAS or Stata" shows how to connect and one query.
CREATE SCHEMA IF NOT EXISTS "analysis";

-- One row per registered patient: site, key dates, eligibility, end of study and survival
-- (PFS/OS as the end-of-study form derived them, with the progression date's source), and the
-- best timepoint response recorded (CR > PR > SD > PD > NE, without RECIST's confirmation rule).
CREATE VIEW "analysis"."patients" AS
SELECT p."id" AS "patient_id",
       p."subject_id",
       s."code" AS "site_code",
       s."name" AS "site_name",
       s."country" AS "site_country",
       p."status"::text AS "status",
       p."screening_date",
       p."enrollment_date",
       e."consent_date",
       e."eligible",
       eos."progression_date",
       eos."progression_source",
       eos."pfs_days",
       eos."pfs_months",
       eos."pfs_event",
       eos."os_days",
       eos."os_months",
       eos."os_event",
       eos."last_known_alive_date",
       eos."death_date",
       eos."death_cause",
       eos."off_treatment_date",
       eos."off_treatment_reason",
       eos."off_study_date",
       eos."off_study_reason",
       best."response" AS "best_timepoint_response",
       best."assessment_date" AS "best_timepoint_response_date"
FROM "public"."patients" p
JOIN "public"."sites" s ON s."id" = p."site_id"
LEFT JOIN "public"."eligibility_assessments" e ON e."patient_id" = p."id"
LEFT JOIN "public"."end_of_study" eos ON eos."patient_id" = p."id"
LEFT JOIN LATERAL (
    SELECT t."response", t."assessment_date"
    FROM "public"."timepoint_responses" t
    WHERE t."patient_id" = p."id" AND t."response" IS NOT NULL
    ORDER BY array_position(ARRAY['CR', 'PR', 'SD', 'PD', 'NE']::text[], t."response"::text), t."assessment_date"
    LIMIT 1
) best ON true
WHERE p."deleted_at" IS NULL;

CREATE VIEW "analysis"."adverse_events" AS
SELECT p."subject_id", s."code" AS "site_code", a."crf_record_id" AS "record_id",
       a."term", a."meddra_code", a."soc", a."grade", a."onset_date", a."ongoing", a."resolution_date",
       (a."onset_date" - p."enrollment_date") AS "onset_study_day_from_enrollment",
       a."serious", a."sae_death", a."sae_life_threatening", a."sae_hospitalization", a."sae_disability",
       a."sae_congenital_anomaly", a."sae_other_important", a."aware_at", a."reported_at",
       a."attribution_thalidomide", a."attribution_uft", a."action_thalidomide", a."action_uft",
       a."outcome", a."death_date"
FROM "public"."adverse_events" a
JOIN "public"."patients" p ON p."id" = a."patient_id" AND p."deleted_at" IS NULL
JOIN "public"."sites" s ON s."id" = p."site_id";

CREATE VIEW "analysis"."lab_results" AS
SELECT p."subject_id", s."code" AS "site_code", l."crf_record_id" AS "record_id", r."visit_key",
       l."sample_date", l."test", l."value", l."unit", l."lln", l."uln",
       l."canonical_value", l."canonical_unit", l."grade", l."ctcae_term", l."baseline_value"
FROM "public"."lab_results" l
JOIN "public"."crf_records" r ON r."id" = l."crf_record_id"
JOIN "public"."patients" p ON p."id" = l."patient_id" AND p."deleted_at" IS NULL
JOIN "public"."sites" s ON s."id" = p."site_id";

CREATE VIEW "analysis"."dose_administrations" AS
SELECT p."subject_id", s."code" AS "site_code", d."crf_record_id" AS "record_id", r."visit_key",
       d."visit_date", d."drug", d."dose_level", d."status", d."status_reason", d."mg_per_dose",
       d."capsules_per_dose", d."doses_per_day", d."capsules_per_day", d."dose_overridden",
       d."capsules_dispensed", d."capsules_returned", d."compliance_pct", d."bsa_m2", d."weight_kg", d."height_cm"
FROM "public"."dose_administrations" d
JOIN "public"."crf_records" r ON r."id" = d."crf_record_id"
JOIN "public"."patients" p ON p."id" = d."patient_id" AND p."deleted_at" IS NULL
JOIN "public"."sites" s ON s."id" = p."site_id";

CREATE VIEW "analysis"."tumour_lesions" AS
SELECT p."subject_id", s."code" AS "site_code", t."crf_record_id" AS "record_id",
       t."assessment_date", t."lesion_id", t."kind", t."organ", t."location", t."method", t."baseline_diameter_mm"
FROM "public"."tumour_lesions" t
JOIN "public"."patients" p ON p."id" = t."patient_id" AND p."deleted_at" IS NULL
JOIN "public"."sites" s ON s."id" = p."site_id";

CREATE VIEW "analysis"."lesion_measurements" AS
SELECT p."subject_id", s."code" AS "site_code", m."crf_record_id" AS "record_id", r."visit_key",
       m."assessment_date", m."lesion_id", m."status", m."diameter_mm"
FROM "public"."lesion_measurements" m
JOIN "public"."crf_records" r ON r."id" = m."crf_record_id"
JOIN "public"."patients" p ON p."id" = m."patient_id" AND p."deleted_at" IS NULL
JOIN "public"."sites" s ON s."id" = p."site_id";

CREATE VIEW "analysis"."timepoint_responses" AS
SELECT p."subject_id", s."code" AS "site_code", t."crf_record_id" AS "record_id", r."visit_key",
       t."assessment_date", t."method", t."non_target_status", t."new_lesions",
       t."baseline_sum_mm", t."nadir_sum_mm", t."current_sum_mm", t."pct_from_baseline", t."pct_from_nadir",
       t."target_response", t."computed_response", t."response", t."response_overridden", t."recist_version"
FROM "public"."timepoint_responses" t
JOIN "public"."crf_records" r ON r."id" = t."crf_record_id"
JOIN "public"."patients" p ON p."id" = t."patient_id" AND p."deleted_at" IS NULL
JOIN "public"."sites" s ON s."id" = p."site_id";

CREATE VIEW "analysis"."cytokine_results" AS
SELECT p."subject_id", s."code" AS "site_code", c."crf_record_id" AS "record_id",
       c."sample_date", c."analyte", c."value", c."unit", c."value_pg_ml", c."lloq", c."lloq_pg_ml", c."below_lloq"
FROM "public"."cytokine_results" c
JOIN "public"."patients" p ON p."id" = c."patient_id" AND p."deleted_at" IS NULL
JOIN "public"."sites" s ON s."id" = p."site_id";

-- The statisticians' group role: it can read the analysis views and nothing else (no table of
-- the public schema, no write anywhere). NOLOGIN: each statistician gets a login role of their
-- own that is a member (README), so access is granted and revoked per person. Roles belong to
-- the cluster: created only when missing, and only by an owner allowed to create roles (a
-- managed PostgreSQL's administrator may have to run these lines once, as the README says).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trialdesk_analyst')
       AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
        CREATE ROLE "trialdesk_analyst" NOLOGIN;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trialdesk_analyst') THEN
        EXECUTE 'GRANT USAGE ON SCHEMA "analysis" TO "trialdesk_analyst"';
        EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA "analysis" TO "trialdesk_analyst"';
    ELSE
        RAISE NOTICE 'Role trialdesk_analyst not created: the migration role may not create roles (README, "Connecting R, SAS or Stata").';
    END IF;
END
$$;
