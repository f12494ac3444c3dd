-- Queries opened by the app's cross-form edit checks (lib/forms/cross-form-checks.ts): the
-- check that raised the query, null for a query a person opened. At most one query per
-- check and form is open at a time; the check closes it when a later save makes it pass.

-- AlterTable
ALTER TABLE "data_queries" ADD COLUMN "check_key" VARCHAR(60);

-- CreateIndex (partial: only the open system queries; Prisma's schema cannot express it)
CREATE UNIQUE INDEX "data_queries_open_check" ON "data_queries"("record_id", "check_key") WHERE "check_key" IS NOT NULL AND "status" <> 'CLOSED';
