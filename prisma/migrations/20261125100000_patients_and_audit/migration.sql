-- CreateEnum
CREATE TYPE "PatientStatus" AS ENUM ('SCREENING', 'SCREEN_FAILED', 'ON_TREATMENT', 'OFF_TREATMENT', 'OFF_STUDY', 'DEAD');

-- AlterTable
ALTER TABLE "sites" ADD COLUMN     "next_subject_number" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "patients" (
    "id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "subject_id" VARCHAR(16) NOT NULL,
    "status" "PatientStatus" NOT NULL DEFAULT 'SCREENING',
    "screening_date" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "delete_reason" TEXT,

    CONSTRAINT "patients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_email" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "site_id" UUID,
    "patient_id" UUID,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "reason" TEXT,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "patients_subject_id_key" ON "patients"("subject_id");

-- CreateIndex
CREATE INDEX "patients_site_id_subject_id_idx" ON "patients"("site_id", "subject_id");

-- CreateIndex
CREATE INDEX "audit_events_patient_id_occurred_at_idx" ON "audit_events"("patient_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_occurred_at_idx" ON "audit_events"("entity_type", "entity_id", "occurred_at");

-- AddForeignKey
ALTER TABLE "patients" ADD CONSTRAINT "patients_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only audit trail (not expressible in schema.prisma): the database itself rejects
-- UPDATE, DELETE and TRUNCATE, whoever connects.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_events_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
