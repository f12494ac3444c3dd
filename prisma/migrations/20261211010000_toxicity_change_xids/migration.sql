-- Which patients' toxicity changed since a reader last read it (issue 14 item 5), as
-- 20261210000000_cohort_change_xids does for the analysis cohort: the toxicity dashboard keeps
-- every patient's adverse-event and lab toxicity in brief in the process
-- (lib/data/toxicity-store.ts) and, after a save, reads again only the patients with a row
-- written since (change_xid >= the xmin of its last read's snapshot) in patients, crf_records
-- (a withdrawal removes a form's typed rows and updates its record), adverse_events or
-- lab_results (any write of the typed rows, a rebuild's among them).
ALTER TABLE "crf_records" ADD COLUMN "change_xid" BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
ALTER TABLE "adverse_events" ADD COLUMN "change_xid" BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
ALTER TABLE "lab_results" ADD COLUMN "change_xid" BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);

CREATE INDEX "crf_records_change_xid_idx" ON "crf_records"("change_xid");
CREATE INDEX "adverse_events_change_xid_idx" ON "adverse_events"("change_xid");
CREATE INDEX "lab_results_change_xid_idx" ON "lab_results"("change_xid");

CREATE TRIGGER "crf_records_stamp_change_xid" BEFORE UPDATE ON "crf_records"
  FOR EACH ROW EXECUTE FUNCTION "stamp_change_xid"();
CREATE TRIGGER "adverse_events_stamp_change_xid" BEFORE UPDATE ON "adverse_events"
  FOR EACH ROW EXECUTE FUNCTION "stamp_change_xid"();
CREATE TRIGGER "lab_results_stamp_change_xid" BEFORE UPDATE ON "lab_results"
  FOR EACH ROW EXECUTE FUNCTION "stamp_change_xid"();
