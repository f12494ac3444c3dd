-- CreateEnum
CREATE TYPE "QueryStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateTable
CREATE TABLE "data_queries" (
    "id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "record_id" UUID NOT NULL,
    "field_path" VARCHAR(200) NOT NULL,
    "status" "QueryStatus" NOT NULL DEFAULT 'OPEN',
    "opened_by_id" UUID NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "data_queries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_query_messages" (
    "id" UUID NOT NULL,
    "query_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "author_name" TEXT NOT NULL,
    "kind" VARCHAR(10) NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_query_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "data_queries_site_id_status_idx" ON "data_queries"("site_id", "status");

-- CreateIndex
CREATE INDEX "data_queries_patient_id_status_idx" ON "data_queries"("patient_id", "status");

-- CreateIndex
CREATE INDEX "data_queries_record_id_idx" ON "data_queries"("record_id");

-- CreateIndex
CREATE INDEX "data_query_messages_query_id_created_at_idx" ON "data_query_messages"("query_id", "created_at");

-- AddForeignKey
ALTER TABLE "data_queries" ADD CONSTRAINT "data_queries_record_id_fkey" FOREIGN KEY ("record_id") REFERENCES "crf_records"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_query_messages" ADD CONSTRAINT "data_query_messages_query_id_fkey" FOREIGN KEY ("query_id") REFERENCES "data_queries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
