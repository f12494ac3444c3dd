-- One form per patient (screening, baseline and end-of-study forms) and one per visit (visit
-- forms), held by the database for every writer (lib/forms/form-identity.ts holds the same
-- rule for the save path). Before this, the web form action filed a form under whatever visit
-- key the browser sent, so a patient could hold a second end-of-study or baseline form.
--
-- Existing data are resolved honestly, never dropped: of two current forms for the same
-- patient and visit, the first entered is kept and each later one is withdrawn (the soft
-- delete the app uses for forms entered in error: the row stays, with a reason naming the
-- form kept), each with a DELETE audit event holding all of its values. Forms recorded once
-- per patient are filed under their one visit key, and adverse events under none, each
-- change audited. The audit events name the actor "system:migration" and this migration.

CREATE TEMPORARY TABLE "one_visit_form_keys" ("form_type" VARCHAR(40) PRIMARY KEY, "visit_key" VARCHAR(40) NOT NULL) ON COMMIT DROP;
INSERT INTO "one_visit_form_keys" VALUES
  ('eligibility', 'screening'),
  ('baseline', 'baseline'),
  ('cytokines', 'baseline'),
  ('tumour-baseline', 'baseline-imaging'),
  ('end-of-study', 'end-of-study');

-- 1. Later duplicates are withdrawn, audited with their values.
WITH "ranked" AS (
  SELECT r."id", first_value(r."id") OVER w AS "kept_id", row_number() OVER w AS "n"
  FROM "crf_records" r LEFT JOIN "one_visit_form_keys" k ON k."form_type" = r."form_type"
  WHERE r."deleted_at" IS NULL AND r."form_type" <> 'adverse-event'
  WINDOW w AS (PARTITION BY r."patient_id", r."form_type", COALESCE(k."visit_key", r."visit_key") ORDER BY r."created_at", r."id")
), "withdrawn" AS (
  UPDATE "crf_records" c
  SET "deleted_at" = CURRENT_TIMESTAMP,
      "delete_reason" = 'Withdrawn by migration 20261205100000_one_form_per_visit: a second form for the same patient and visit (kept: ' || ranked."kept_id" || ')'
  FROM "ranked"
  WHERE ranked."id" = c."id" AND ranked."n" > 1
  RETURNING c."id", c."patient_id", c."site_id", c."form_type", c."data", c."delete_reason"
)
INSERT INTO "audit_events" ("actor_id", "actor_email", "action", "entity_type", "entity_id", "site_id", "patient_id", "changes", "reason")
SELECT NULL, 'system:migration', 'DELETE', 'form:' || w."form_type", w."id"::text, w."site_id", w."patient_id",
       jsonb_build_array(jsonb_build_object('field', 'data', 'from', w."data", 'to', NULL)), w."delete_reason"
FROM "withdrawn" w;

-- 2. A form recorded once per patient is filed under its one visit; an event under none.
WITH "refiled" AS (
  UPDATE "crf_records" c
  SET "visit_key" = k."visit_key"
  FROM "crf_records" old LEFT JOIN "one_visit_form_keys" k ON k."form_type" = old."form_type"
  WHERE old."id" = c."id" AND c."deleted_at" IS NULL
    AND (k."form_type" IS NOT NULL OR c."form_type" = 'adverse-event')
    AND c."visit_key" IS DISTINCT FROM k."visit_key"
  RETURNING c."id", c."patient_id", c."site_id", c."form_type", old."visit_key" AS "from_key", c."visit_key" AS "to_key"
)
INSERT INTO "audit_events" ("actor_id", "actor_email", "action", "entity_type", "entity_id", "site_id", "patient_id", "changes", "reason")
SELECT NULL, 'system:migration', 'UPDATE', 'form:' || r."form_type", r."id"::text, r."site_id", r."patient_id",
       jsonb_build_array(jsonb_build_object('field', 'visitKey', 'from', r."from_key", 'to', r."to_key")),
       'Filed under its visit by migration 20261205100000_one_form_per_visit'
FROM "refiled" r;

-- 3. The rule itself. The CHECK is NOT VALID so that a visit form filed under a visit key the
-- schedule never had (possible before) stays readable: every new or changed row must pass it,
-- and data quality can list the old ones. It is validated below when no such row exists.
ALTER TABLE "crf_records" ADD CONSTRAINT "crf_records_visit_key_matches_form" CHECK (
  -- COALESCE: a NULL visit key compares as unknown, which a CHECK would let through.
  "deleted_at" IS NOT NULL OR COALESCE(CASE "form_type"
    WHEN 'adverse-event' THEN "visit_key" IS NULL
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
    WHERE "deleted_at" IS NULL AND "form_type" NOT IN ('adverse-event', 'eligibility', 'baseline', 'cytokines', 'tumour-baseline', 'end-of-study')
      AND ("visit_key" IS NULL OR "visit_key" !~ '^(day1|week[1-9][0-9]{0,2})$')
  ) THEN
    ALTER TABLE "crf_records" VALIDATE CONSTRAINT "crf_records_visit_key_matches_form";
  ELSE
    RAISE WARNING 'crf_records: visit forms filed under a visit key outside the schedule remain; crf_records_visit_key_matches_form holds for new and changed rows only';
  END IF;
END $$;

-- CreateIndex (partial: withdrawn forms and events are outside the rule; Prisma's schema cannot express it)
CREATE UNIQUE INDEX "crf_records_one_per_visit" ON "crf_records"("patient_id", "form_type", "visit_key") WHERE "deleted_at" IS NULL AND "visit_key" IS NOT NULL;
