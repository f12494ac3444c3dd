-- AlterTable
ALTER TABLE "crf_records" ADD COLUMN     "sdv_at" TIMESTAMPTZ(3),
ADD COLUMN     "sdv_by_id" UUID,
ADD COLUMN     "signed_at" TIMESTAMPTZ(3),
ADD COLUMN     "signed_by_id" UUID;

-- AlterTable
ALTER TABLE "patients" ADD COLUMN     "locked_at" TIMESTAMPTZ(3),
ADD COLUMN     "locked_by_id" UUID;
