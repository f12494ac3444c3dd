import { toPgPerMl } from "@/lib/domain/biomarkers/cytokine-units";
import type { CytokinesData } from "../cytokines-form";
import type { ProjectedRows } from "./tables";

/**
 * Baseline cytokines: one row per analyte, as typed and in pg/mL (the unit every analysis
 * uses). Below the LLOQ there is no value, never a zero (lib/forms/cytokines-form).
 */
export function projectCytokines(data: CytokinesData): ProjectedRows {
  return {
    cytokine_results: data.analytes.map((row) => ({
      sample_date: data.sampleDate,
      analyte: row.analyte,
      value: row.value,
      unit: row.unit,
      value_pg_ml: row.value === null ? null : toPgPerMl(row.value, row.unit),
      lloq: row.lloq,
      lloq_pg_ml: row.lloq === null ? null : toPgPerMl(row.lloq, row.unit),
      below_lloq: row.belowLloq,
    })),
  };
}
