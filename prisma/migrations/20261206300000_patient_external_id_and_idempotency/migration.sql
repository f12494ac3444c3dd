-- The site's own reference for a patient (screening log number, the old system's record id),
-- so a script run again finds the patient it registered before. Unique per site only: two
-- sites may use the same numbering.
ALTER TABLE "patients" ADD COLUMN "external_id" VARCHAR(64);
CREATE UNIQUE INDEX "patients_site_id_external_id_key" ON "patients"("site_id", "external_id");

-- The first answer to a POST sent with an Idempotency-Key header, kept so that a retry of the
-- same request answers the same and creates nothing. Keyed per user: two users' keys never meet.
-- study_id is left for the multi-study instance (one instance, several studies).
CREATE TABLE "idempotency_keys" (
    "user_id" UUID NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "status" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("user_id", "key")
);

CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
