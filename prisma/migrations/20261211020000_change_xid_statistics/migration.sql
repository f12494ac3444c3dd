-- Statistics for the change_xid columns just added (20261211000000, 20261211010000): without
-- them the planner takes "change_xid >= x" to match a third of a table and reads all of
-- crf_records and lab_results for a change set of one patient (1.2 s at 100,000 patients,
-- BENCHMARKS.md session 10). Once analysed, the planner reads the index's actual upper end for
-- values past the histogram, so the estimate stays small as new transactions come; autovacuum
-- keeps the statistics from then on.
ANALYZE "patient_schedule_facts", "crf_records", "adverse_events", "lab_results";
