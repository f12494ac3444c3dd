-- Which patients' schedule facts changed since a reader last read them (issue 14 item 5), as
-- 20261210000000_cohort_change_xids does for the analysis cohort: the data-quality page and the
-- home work-lists keep every patient's facts in the process (lib/data/schedule-facts-store.ts)
-- and, after a save, read again only the rows whose writer had not finished when they last read
-- (change_xid >= the xmin of that read's snapshot). The upsert of
-- refresh_patient_schedule_facts fires the BEFORE UPDATE trigger on its update path.
ALTER TABLE "patient_schedule_facts" ADD COLUMN "change_xid" BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);

CREATE INDEX "patient_schedule_facts_change_xid_idx" ON "patient_schedule_facts"("change_xid");

CREATE TRIGGER "patient_schedule_facts_stamp_change_xid" BEFORE UPDATE ON "patient_schedule_facts"
  FOR EACH ROW EXECUTE FUNCTION "stamp_change_xid"();
