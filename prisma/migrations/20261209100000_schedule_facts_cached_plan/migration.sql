-- The same recomputation as 20261208300000_patient_schedule_facts, in PL/pgSQL instead of SQL.
-- PostgreSQL plans a SQL function's statements again on every call (they are not inlined: the
-- function has two statements and writes), and planning this CTE was most of the function's cost:
-- 1.8-2.4 ms a call against 0.5-0.8 ms once PL/pgSQL keeps the plan for the connection, measured
-- on a bench database (200 patients, 30 lab forms each, 400 calls on one connection). Every insert
-- into crf_records pays it (the statement trigger), so the save paid it too.
-- A volatile PL/pgSQL function still takes a new snapshot per statement, so the INSERT sees what
-- the row lock waited for, as before.
CREATE OR REPLACE FUNCTION "refresh_patient_schedule_facts"("patient_ids" uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "patient_schedule_facts" WHERE "patient_id" = ANY("patient_ids") ORDER BY "patient_id" FOR UPDATE;
  WITH "s" AS (
    SELECT "visit_interval_days" AS "i", "imaging_interval_days" / "visit_interval_days" AS "m", "window_days" AS "w",
           "visit_forms" AS "vf", "imaging_forms" AS "imf",
           jsonb_array_length("visit_forms") AS "nv", jsonb_array_length("imaging_forms") AS "ni"
    FROM "study_settings" WHERE "id" = 1
  ), "r" AS (
    SELECT "patient_id", "form_type", "visit_key", "status", "signed_at", "sdv_at", "data", "computed"
    FROM "crf_records" WHERE "patient_id" = ANY("patient_ids") AND "deleted_at" IS NULL
  ), "slot" AS (
    -- Visit keys are day1, then week<n> for day 7n (lib/domain/schedule/visit-schedule.ts).
    SELECT DISTINCT "r"."patient_id", "r"."form_type", "v"."k"
    FROM "r" CROSS JOIN "s"
    CROSS JOIN LATERAL (SELECT CASE
      WHEN "r"."visit_key" = 'day1' THEN 0
      WHEN "r"."visit_key" ~ '^week[1-9][0-9]{0,4}$' AND (substr("r"."visit_key", 5)::int * 7) % "s"."i" = 0
        THEN substr("r"."visit_key", 5)::int * 7 / "s"."i"
    END AS "k") "v"
    WHERE "v"."k" IS NOT NULL
      AND ("s"."vf" ? "r"."form_type" OR ("s"."imf" ? "r"."form_type" AND "v"."k" > 0 AND "v"."k" % "s"."m" = 0))
  ), "per_visit" AS (
    SELECT "slot"."patient_id", "slot"."k", count(*) AS "n",
           "s"."nv" + CASE WHEN "slot"."k" > 0 AND "slot"."k" % "s"."m" = 0 THEN "s"."ni" ELSE 0 END AS "expected",
           row_number() OVER (PARTITION BY "slot"."patient_id" ORDER BY "slot"."k") - 1 AS "position"
    FROM "slot" CROSS JOIN "s" GROUP BY "slot"."patient_id", "slot"."k", "s"."nv", "s"."ni", "s"."m"
  ), "gap" AS (
    -- The first visit with a form missing: one recorded short, one skipped, or the one after the last.
    SELECT "patient_id", LEAST(min("k") FILTER (WHERE "n" < "expected"), min("position") FILTER (WHERE "k" <> "position"), count(*)) AS "k"
    FROM "per_visit" GROUP BY "patient_id"
  ), "due" AS (
    SELECT "slot"."patient_id", array_agg("p"."enrollment_date" + "slot"."k" * "s"."i" ORDER BY "slot"."k") AS "dates"
    FROM "slot" JOIN "patients" "p" ON "p"."id" = "slot"."patient_id" CROSS JOIN "s" GROUP BY "slot"."patient_id"
  ), "eos" AS (
    SELECT "patient_id", min(LEAST(
      CASE WHEN "data"->>'deathDate' ~ '^\d{4}-\d{2}-\d{2}$' THEN ("data"->>'deathDate')::date END,
      CASE WHEN "data"->>'offTreatmentDate' ~ '^\d{4}-\d{2}-\d{2}$' THEN ("data"->>'offTreatmentDate')::date END,
      CASE WHEN "data"->>'offStudyDate' ~ '^\d{4}-\d{2}-\d{2}$' THEN ("data"->>'offStudyDate')::date END)) AS "end_date"
    FROM "r" WHERE "form_type" = 'end-of-study' GROUP BY "patient_id"
  ), "counts" AS (
    SELECT "patient_id",
           count(*) FILTER (WHERE "status" = 'COMPLETE' AND "signed_at" IS NULL)::int AS "unsigned",
           count(*) FILTER (WHERE "status" = 'COMPLETE' AND "sdv_at" IS NULL)::int AS "unverified",
           count(*) FILTER (WHERE "sdv_at" IS NOT NULL)::int AS "verified",
           count(*) FILTER (WHERE "form_type" = 'labs' AND "computed"->'baseline'->>'status' = 'missing')::int AS "baseline_missing"
    FROM "r" GROUP BY "patient_id"
  ), "fact" AS (
    SELECT "p"."id", "p"."enrollment_date", "eos"."end_date",
           CASE WHEN "p"."enrollment_date" IS NOT NULL THEN coalesce("due"."dates", '{}') ELSE '{}' END AS "recorded_due",
           "p"."enrollment_date" + coalesce("gap"."k", 0)::int * "s"."i" AS "first_gap_due",
           "s"."w", coalesce("counts"."unsigned", 0) AS "unsigned", coalesce("counts"."unverified", 0) AS "unverified",
           coalesce("counts"."verified", 0) AS "verified", coalesce("counts"."baseline_missing", 0) AS "baseline_missing"
    FROM "patients" "p" CROSS JOIN "s"
    LEFT JOIN "gap" ON "gap"."patient_id" = "p"."id"
    LEFT JOIN "due" ON "due"."patient_id" = "p"."id"
    LEFT JOIN "eos" ON "eos"."patient_id" = "p"."id"
    LEFT JOIN "counts" ON "counts"."patient_id" = "p"."id"
    WHERE "p"."id" = ANY("patient_ids")
  )
  INSERT INTO "patient_schedule_facts" ("patient_id", "enrollment_date", "schedule_end", "recorded_due", "first_gap_due",
    "overdue_from", "unsigned_forms", "unverified_forms", "verified_forms", "baseline_missing_labs", "updated_at")
  SELECT "id", "enrollment_date", "end_date", "recorded_due", "first_gap_due",
         CASE WHEN "first_gap_due" + "w" + 1 <= coalesce("end_date", 'infinity'::date) THEN "first_gap_due" + "w" + 1 END,
         "unsigned", "unverified", "verified", "baseline_missing", CURRENT_TIMESTAMP
  FROM "fact"
  ON CONFLICT ("patient_id") DO UPDATE SET
    "enrollment_date" = EXCLUDED."enrollment_date", "schedule_end" = EXCLUDED."schedule_end",
    "recorded_due" = EXCLUDED."recorded_due", "first_gap_due" = EXCLUDED."first_gap_due",
    "overdue_from" = EXCLUDED."overdue_from", "unsigned_forms" = EXCLUDED."unsigned_forms",
    "unverified_forms" = EXCLUDED."unverified_forms", "verified_forms" = EXCLUDED."verified_forms",
    "baseline_missing_labs" = EXCLUDED."baseline_missing_labs", "updated_at" = EXCLUDED."updated_at";
END $$;
