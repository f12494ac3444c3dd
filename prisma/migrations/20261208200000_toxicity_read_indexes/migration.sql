-- Issue 14: the toxicity review reads lab results of grade 3 or more from lab_results (every
-- test of every labs visit: about a hundred rows per patient). An index led by the grade finds
-- the few severe ones without reading the rest; the sample date serves the date filters.

-- CreateIndex
CREATE INDEX "lab_results_grade_sample_date_idx" ON "lab_results"("grade", "sample_date");
