-- CreateTable
CREATE TABLE "backup_runs" (
    "id" BIGSERIAL NOT NULL,
    "study_id" VARCHAR(40),
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "method" VARCHAR(20) NOT NULL,
    "trigger" VARCHAR(20) NOT NULL,
    "file_name" TEXT,
    "size_bytes" BIGINT,
    "sha256" VARCHAR(64),
    "error" TEXT,

    CONSTRAINT "backup_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "backup_runs_finished_at_idx" ON "backup_runs"("finished_at");
