-- CreateTable
CREATE TABLE "dose_modification_tables" (
    "study_id" INTEGER NOT NULL DEFAULT 1,
    "rules" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dose_modification_tables_pkey" PRIMARY KEY ("study_id")
);

-- AddForeignKey
ALTER TABLE "dose_modification_tables" ADD CONSTRAINT "dose_modification_tables_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "study_settings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The protocol's dose-modification table in every database, the same rows as
-- DEFAULT_DOSE_MODIFICATION_RULES (lib/domain/dosing/dose-modification.ts, which cites the sources).
INSERT INTO "dose_modification_tables" ("study_id", "rules", "updated_at") VALUES (1, '[{"term": "Neutrophil count decreased", "minGrade": 3, "drug": "uft", "action": "hold", "restart": "Restart one level lower when grade 1 or less"}, {"term": "Neutrophil count decreased", "minGrade": 4, "drug": "uft", "action": "discontinue", "restart": "Do not restart"}, {"term": "Platelet count decreased", "minGrade": 3, "drug": "uft", "action": "hold", "restart": "Restart one level lower when grade 1 or less"}, {"term": "Diarrhea", "minGrade": 3, "drug": "uft", "action": "hold", "restart": "Restart one level lower when grade 1 or less"}, {"term": "Mucositis oral", "minGrade": 3, "drug": "uft", "action": "hold", "restart": "Restart one level lower when grade 1 or less"}, {"term": "Palmar-plantar erythrodysesthesia syndrome", "minGrade": 3, "drug": "uft", "action": "hold", "restart": "Restart one level lower when grade 1 or less"}, {"term": "Peripheral sensory neuropathy", "minGrade": 3, "drug": "thalidomide", "action": "discontinue", "restart": "Do not restart"}, {"term": "Somnolence", "minGrade": 3, "drug": "thalidomide", "action": "hold", "restart": "Restart one level lower when grade 1 or less"}, {"term": "Constipation", "minGrade": 3, "drug": "thalidomide", "action": "hold", "restart": "Restart one level lower when grade 1 or less"}]', CURRENT_TIMESTAMP);
