-- CreateEnum
CREATE TYPE "SimonDesignChoice" AS ENUM ('OPTIMAL', 'MINIMAX', 'CUSTOM');

-- CreateTable
CREATE TABLE "stopping_rules" (
    "study_id" INTEGER NOT NULL DEFAULT 1,
    "response_p0" DOUBLE PRECISION NOT NULL,
    "response_p1" DOUBLE PRECISION NOT NULL,
    "response_alpha" DOUBLE PRECISION NOT NULL,
    "response_beta" DOUBLE PRECISION NOT NULL,
    "design_choice" "SimonDesignChoice" NOT NULL,
    "custom_r1" INTEGER,
    "custom_n1" INTEGER,
    "custom_r" INTEGER,
    "custom_n" INTEGER,
    "toxicity_theta" DOUBLE PRECISION NOT NULL,
    "toxicity_threshold" DOUBLE PRECISION NOT NULL,
    "toxicity_prior_a" DOUBLE PRECISION NOT NULL,
    "toxicity_prior_b" DOUBLE PRECISION NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stopping_rules_pkey" PRIMARY KEY ("study_id")
);

-- AddForeignKey
ALTER TABLE "stopping_rules" ADD CONSTRAINT "stopping_rules_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study_settings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The trial's stopping rules in every database (shared/TRIAL.md, "Stopping rules", plausible defaults
-- not stated in Shao et al. 2012): Simon optimal design for p0 = 0.05, p1 = 0.20, one-sided alpha 0.05,
-- power 0.90; stop if P(rate of grade 3+ treatment-related toxicity > 30%) > 0.90 with a Beta(1, 1) prior.
INSERT INTO "stopping_rules" ("study_id", "response_p0", "response_p1", "response_alpha", "response_beta", "design_choice", "toxicity_theta", "toxicity_threshold", "toxicity_prior_a", "toxicity_prior_b", "updated_at")
VALUES (1, 0.05, 0.20, 0.05, 0.10, 'OPTIMAL', 0.30, 0.90, 1, 1, CURRENT_TIMESTAMP);
