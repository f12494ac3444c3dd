-- AlterTable
ALTER TABLE "sites" ADD COLUMN "time_zone" VARCHAR(64) NOT NULL DEFAULT 'UTC';

-- CreateTable
CREATE TABLE "field_verifications" (
    "id" BIGSERIAL NOT NULL,
    "record_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "field_path" VARCHAR(200) NOT NULL,
    "value" JSONB NOT NULL,
    "record_version" INTEGER NOT NULL,
    "verified_by_id" UUID NOT NULL,
    "verifier_name" TEXT NOT NULL,
    "verified_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "field_verifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "field_verifications_record_id_field_path_idx" ON "field_verifications"("record_id", "field_path");

-- CreateIndex
CREATE INDEX "field_verifications_site_id_idx" ON "field_verifications"("site_id");

-- AddForeignKey
ALTER TABLE "field_verifications" ADD CONSTRAINT "field_verifications_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "crf_records"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
