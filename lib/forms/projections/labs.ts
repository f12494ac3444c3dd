import { LAB_TESTS } from "@/lib/domain/ctcae/lab-criteria";
import type { LabsComputed } from "../labs/compute-labs";
import type { LabsData } from "../labs/labs-schema";
import type { ProjectedRow, ProjectedRows } from "./tables";
import { numberOrNull, objectOf, stringOrNull } from "./values";

/**
 * A labs visit: one row per test done (an empty value means not done), as typed and in the
 * canonical unit with the CTCAE v5.0 grade the rules computed (lib/forms/labs/compute-labs).
 */
export function projectLabs(data: LabsData, computed: Partial<LabsComputed>): ProjectedRows {
  const graded = objectOf(computed.results);
  const rows = LAB_TESTS.flatMap((test): ProjectedRow<"lab_results">[] => {
    const row = data.results[test];
    if (!row || row.value === null) return [];
    const grade = objectOf(graded[test]);
    return [
      {
        sample_date: data.sampleDate,
        test,
        value: row.value,
        unit: row.unit,
        lln: row.lln,
        uln: row.uln,
        canonical_value: numberOrNull(grade.normalizedValue),
        canonical_unit: stringOrNull(grade.normalizedUnit),
        grade: numberOrNull(grade.grade),
        ctcae_term: stringOrNull(grade.term),
        baseline_value: numberOrNull(grade.baselineValue),
      },
    ];
  });
  return { lab_results: rows };
}
