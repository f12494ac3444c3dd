-- Which patients' analysis inputs changed since a reader last read them (issue 14 item 5): the
-- transaction id that last wrote each patients row and each patient_efficacy_facts row. The
-- analyses keep every enrolled patient's inputs in the process (lib/data/analysis-cohort-store.ts)
-- and, after a save, read again only the rows whose writer had not finished when they last read:
-- change_xid >= the xmin of that read's snapshot. A sequence number would not do: a transaction
-- can take a lower number and commit after a read that saw a higher one; every transaction id
-- below a snapshot's xmin had ended before the snapshot, so nothing committed later hides there.
-- xid8 as bigint (Prisma has no xid8 type): 64 bits with the epoch, so it never wraps around.
ALTER TABLE "patients" ADD COLUMN "change_xid" BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
ALTER TABLE "patient_efficacy_facts" ADD COLUMN "change_xid" BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);

CREATE INDEX "patients_change_xid_idx" ON "patients"("change_xid");
CREATE INDEX "patient_efficacy_facts_change_xid_idx" ON "patient_efficacy_facts"("change_xid");

-- An insert takes the default; an update (a status change, an upsert of the facts) the trigger.
CREATE FUNCTION "stamp_change_xid"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."change_xid" := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "patients_stamp_change_xid" BEFORE UPDATE ON "patients"
  FOR EACH ROW EXECUTE FUNCTION "stamp_change_xid"();
CREATE TRIGGER "patient_efficacy_facts_stamp_change_xid" BEFORE UPDATE ON "patient_efficacy_facts"
  FOR EACH ROW EXECUTE FUNCTION "stamp_change_xid"();
