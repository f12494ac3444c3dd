-- Per-patient visit-schedule facts (issue 14 item 5, issue 16): what the data-quality page, the
-- home work-lists and the record status grid need to count missing, overdue, unsigned and
-- unverified forms as of any day with one cheap query, instead of re-reading every form of the
-- trial after each save. One row per patient, kept by the triggers below in the transaction of
-- every write to crf_records, patients and study_settings (a save, a correction, a withdrawal, a
-- signature, source verification, enrollment, an import, a bulk load, a schedule change), so no
-- write path can forget them and the save sends no extra statement. The schedule arithmetic
-- mirrors lib/domain/schedule/visit-schedule.ts (day 1, then a visit every interval, imaging every
-- imaging interval; study settings enforce whole weeks, imaging a multiple of the visit interval,
-- no form in both lists); lib/data/schedule-facts.integration.test.ts compares the two.
-- study_id: one instance will host several studies; today every patient is in study 1.

-- CreateTable
CREATE TABLE "patient_schedule_facts" (
    "patient_id" UUID NOT NULL,
    "study_id" INTEGER NOT NULL DEFAULT 1,
    "enrollment_date" DATE,
    "schedule_end" DATE,
    "recorded_due" DATE[] NOT NULL,
    "first_gap_due" DATE,
    "overdue_from" DATE,
    "unsigned_forms" INTEGER NOT NULL DEFAULT 0,
    "unverified_forms" INTEGER NOT NULL DEFAULT 0,
    "verified_forms" INTEGER NOT NULL DEFAULT 0,
    "baseline_missing_labs" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "patient_schedule_facts_pkey" PRIMARY KEY ("patient_id"),
    CONSTRAINT "patient_schedule_facts_counts_check" CHECK ("unsigned_forms" >= 0 AND "unverified_forms" >= 0 AND "verified_forms" >= 0 AND "baseline_missing_labs" >= 0)
);

-- CreateIndex
CREATE INDEX "patient_schedule_facts_overdue_from_idx" ON "patient_schedule_facts"("overdue_from");

-- AddForeignKey
ALTER TABLE "patient_schedule_facts" ADD CONSTRAINT "patient_schedule_facts_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_schedule_facts" ADD CONSTRAINT "patient_schedule_facts_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study_settings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Recomputes the facts of the given patients from their current forms and the study schedule.
--   recorded_due: the due date of every form the schedule expects that has a record (any status),
--     sorted; a form at a visit the schedule does not expect it at (or an unscheduled visit) is not one.
--   first_gap_due: the due date of the earliest expected form without a record (the schedule runs
--     on, so there is always one): the patient has an overdue form once its window has passed.
--   overdue_from: first_gap_due + window + 1, the first day with an overdue form; null when that
--     day is after the schedule ended (death, off treatment, off study), so never overdue.
--   schedule_end: the earliest of the end-of-study form's death, off-treatment and off-study dates.
-- The rows are locked first: two transactions changing forms of one patient without its row lock
-- (a signature and a verification at the same time) would otherwise each compute from a snapshot
-- without the other's change, and the later write would lose the earlier one. A volatile SQL
-- function takes a new snapshot per statement, so the INSERT sees what the lock waited for.
CREATE FUNCTION "refresh_patient_schedule_facts"("patient_ids" uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT 1 FROM "patient_schedule_facts" WHERE "patient_id" = ANY("patient_ids") ORDER BY "patient_id" FOR UPDATE;
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
$$;

-- New forms, in bulk too (imports, the trial generator): one refresh per statement.
CREATE FUNCTION "schedule_facts_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refresh_patient_schedule_facts"(ARRAY(SELECT DISTINCT "patient_id" FROM "new_rows"));
  RETURN NULL;
END $$;

CREATE TRIGGER "crf_records_schedule_facts_insert" AFTER INSERT ON "crf_records"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "schedule_facts_after_insert"();

-- A change that moves a count: withdrawal, status, signature, source verification, the visit,
-- the end of study's dates, a lab's baseline. Recomputed values of other forms do not fire it.
CREATE FUNCTION "schedule_facts_after_record_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refresh_patient_schedule_facts"(ARRAY[NEW."patient_id", OLD."patient_id"]);
  RETURN NULL;
END $$;

CREATE TRIGGER "crf_records_schedule_facts_update" AFTER UPDATE ON "crf_records" FOR EACH ROW
  WHEN (OLD."deleted_at" IS DISTINCT FROM NEW."deleted_at" OR OLD."status" IS DISTINCT FROM NEW."status"
     OR OLD."signed_at" IS DISTINCT FROM NEW."signed_at" OR OLD."sdv_at" IS DISTINCT FROM NEW."sdv_at"
     OR OLD."visit_key" IS DISTINCT FROM NEW."visit_key" OR OLD."patient_id" IS DISTINCT FROM NEW."patient_id"
     OR (NEW."form_type" = 'end-of-study' AND OLD."data" IS DISTINCT FROM NEW."data")
     OR (NEW."form_type" = 'labs' AND OLD."computed"->'baseline' IS DISTINCT FROM NEW."computed"->'baseline'))
  EXECUTE FUNCTION "schedule_facts_after_record_update"();

-- A hard delete (never done by the app, which withdraws forms) still leaves exact facts.
CREATE FUNCTION "schedule_facts_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refresh_patient_schedule_facts"(ARRAY(SELECT DISTINCT "patient_id" FROM "old_rows"));
  RETURN NULL;
END $$;

CREATE TRIGGER "crf_records_schedule_facts_delete" AFTER DELETE ON "crf_records"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "schedule_facts_after_delete"();

-- New patients (the generator inserts them enrolled) and enrollment.
CREATE FUNCTION "schedule_facts_after_patient_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refresh_patient_schedule_facts"(ARRAY(SELECT "id" FROM "new_rows"));
  RETURN NULL;
END $$;

CREATE TRIGGER "patients_schedule_facts_insert" AFTER INSERT ON "patients"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "schedule_facts_after_patient_insert"();

CREATE FUNCTION "schedule_facts_after_patient_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refresh_patient_schedule_facts"(ARRAY[NEW."id"]);
  RETURN NULL;
END $$;

CREATE TRIGGER "patients_schedule_facts_update" AFTER UPDATE ON "patients" FOR EACH ROW
  WHEN (OLD."enrollment_date" IS DISTINCT FROM NEW."enrollment_date")
  EXECUTE FUNCTION "schedule_facts_after_patient_update"();

-- A new schedule (admin, study settings) changes every patient's facts.
CREATE FUNCTION "schedule_facts_after_settings_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refresh_patient_schedule_facts"(ARRAY(SELECT "id" FROM "patients"));
  RETURN NULL;
END $$;

CREATE TRIGGER "study_settings_schedule_facts_update" AFTER UPDATE ON "study_settings" FOR EACH ROW
  WHEN (OLD."visit_interval_days" IS DISTINCT FROM NEW."visit_interval_days"
     OR OLD."imaging_interval_days" IS DISTINCT FROM NEW."imaging_interval_days"
     OR OLD."window_days" IS DISTINCT FROM NEW."window_days"
     OR OLD."visit_forms" IS DISTINCT FROM NEW."visit_forms" OR OLD."imaging_forms" IS DISTINCT FROM NEW."imaging_forms")
  EXECUTE FUNCTION "schedule_facts_after_settings_update"();

-- Backfill: every existing patient.
SELECT "refresh_patient_schedule_facts"(ARRAY(SELECT "id" FROM "patients"));
