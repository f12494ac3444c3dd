-- CreateTable
CREATE TABLE "study_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "protocol_code" VARCHAR(40) NOT NULL,
    "visit_interval_days" INTEGER NOT NULL,
    "imaging_interval_days" INTEGER NOT NULL,
    "window_days" INTEGER NOT NULL,
    "visit_forms" JSONB NOT NULL,
    "imaging_forms" JSONB NOT NULL,
    "cytokine_panel" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "study_settings_pkey" PRIMARY KEY ("id")
);

-- The one row of this trial, in every database (demo and production alike): the protocol's
-- schedule (shared/TRIAL.md: a visit every 4 weeks, imaging every 8) and baseline panel.
INSERT INTO "study_settings" ("id", "name", "protocol_code", "visit_interval_days", "imaging_interval_days", "window_days", "visit_forms", "imaging_forms", "cytokine_panel", "updated_at")
VALUES (1, 'Thalidomide plus metronomic UFT in advanced hepatocellular carcinoma (phase II)', 'HCC-THAL-UFT-II', 28, 56, 7, '["dosing","labs"]', '["tumour-assessment"]', '["IL-6","IL-8","VEGF","bFGF","TNF-alpha"]', CURRENT_TIMESTAMP);
