-- The lab results the toxicity review tracks (grade 3 or more with a CTCAE term: labToxicityWhere
-- in lib/data/toxicity-sql.ts, the review queue's candidates, the kept toxicity's full read), with
-- every column those reads take: an index-only scan of ~16,000 entries at 100,000 patients, where
-- the (grade, sample_date) index visited a heap page per result (14,500 pages, 0.4-0.5 s of the
-- review queue's summary and of the toxicity page's lab list: BENCHMARKS.md, session 10).
-- Partial, so schema.prisma cannot say it (the schema drift test leaves partial indexes out).
CREATE INDEX "lab_results_toxicity_idx" ON "lab_results"("grade", "sample_date")
  INCLUDE ("patient_id", "crf_record_id", "test", "ctcae_term")
  WHERE "grade" >= 3 AND "ctcae_term" IS NOT NULL;
