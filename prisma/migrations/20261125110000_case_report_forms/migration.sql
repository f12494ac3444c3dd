-- CreateEnum
CREATE TYPE "FormStatus" AS ENUM ('IN_PROGRESS', 'COMPLETE');

-- AlterTable
ALTER TABLE "patients" ADD COLUMN     "enrollment_date" DATE,
ADD COLUMN     "screen_failure_reason" TEXT;

-- CreateTable
CREATE TABLE "crf_records" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "form_type" VARCHAR(40) NOT NULL,
    "visit_key" VARCHAR(40),
    "data" JSONB NOT NULL,
    "computed" JSONB NOT NULL DEFAULT '{}',
    "status" "FormStatus" NOT NULL DEFAULT 'COMPLETE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID NOT NULL,
    "updated_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "delete_reason" TEXT,

    CONSTRAINT "crf_records_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "crf_records_patient_id_form_type_idx" ON "crf_records"("patient_id", "form_type");

-- CreateIndex
CREATE INDEX "crf_records_site_id_form_type_idx" ON "crf_records"("site_id", "form_type");

-- AddForeignKey
ALTER TABLE "crf_records" ADD CONSTRAINT "crf_records_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
