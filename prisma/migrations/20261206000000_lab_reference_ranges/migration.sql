-- Each site laboratory's normal ranges (issue 13): CTCAE grades against the performing
-- laboratory's LLN and ULN, so the labs form fills them from the range in force on the sample
-- day. Rows are never updated: a new range gets a later valid_from, a wrong one is withdrawn
-- with a reason (both audited), so any saved form can be traced to the range it was given.

-- CreateTable
CREATE TABLE "lab_reference_ranges" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "site_id" UUID NOT NULL,
    "test" VARCHAR(32) NOT NULL,
    "unit" VARCHAR(20) NOT NULL,
    "sex" VARCHAR(6),
    "lln" DOUBLE PRECISION,
    "uln" DOUBLE PRECISION,
    "valid_from" DATE NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdraw_reason" TEXT,

    CONSTRAINT "lab_reference_ranges_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "lab_reference_ranges_sex_check" CHECK ("sex" IS NULL OR "sex" IN ('female', 'male')),
    CONSTRAINT "lab_reference_ranges_limits_check" CHECK (
        ("lln" IS NOT NULL OR "uln" IS NOT NULL)
        AND ("lln" IS NULL OR "lln" >= 0) AND ("uln" IS NULL OR "uln" > 0)
        AND ("lln" IS NULL OR "uln" IS NULL OR "lln" < "uln")),
    CONSTRAINT "lab_reference_ranges_withdrawn_check" CHECK (("withdrawn_at" IS NULL) = ("withdraw_reason" IS NULL))
);

-- One live range per site, test, sex and start day (the partial index is not in schema.prisma:
-- Prisma cannot express it).
CREATE UNIQUE INDEX "lab_reference_ranges_one_live" ON "lab_reference_ranges" ("site_id", "test", COALESCE("sex", ''), "valid_from") WHERE "withdrawn_at" IS NULL;

-- CreateIndex
CREATE INDEX "lab_reference_ranges_site_id_test_idx" ON "lab_reference_ranges"("site_id", "test");

-- AddForeignKey
ALTER TABLE "lab_reference_ranges" ADD CONSTRAINT "lab_reference_ranges_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lab_reference_ranges" ADD CONSTRAINT "lab_reference_ranges_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
