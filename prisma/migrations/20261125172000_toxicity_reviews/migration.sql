-- CreateEnum
CREATE TYPE "ToxicityReviewDecision" AS ENUM ('REVIEWED', 'ESCALATED');

-- CreateTable
CREATE TABLE "toxicity_reviews" (
    "id" BIGSERIAL NOT NULL,
    "record_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "item_key" VARCHAR(60) NOT NULL,
    "record_version" INTEGER NOT NULL,
    "grade" INTEGER NOT NULL,
    "serious" BOOLEAN NOT NULL,
    "decision" "ToxicityReviewDecision" NOT NULL,
    "comment" TEXT NOT NULL,
    "reviewed_by_id" UUID NOT NULL,
    "reviewer_name" TEXT NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "toxicity_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "toxicity_reviews_record_id_item_key_idx" ON "toxicity_reviews"("record_id", "item_key");

-- CreateIndex
CREATE INDEX "toxicity_reviews_site_id_reviewed_at_idx" ON "toxicity_reviews"("site_id", "reviewed_at");

-- AddForeignKey
ALTER TABLE "toxicity_reviews" ADD CONSTRAINT "toxicity_reviews_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "crf_records"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
