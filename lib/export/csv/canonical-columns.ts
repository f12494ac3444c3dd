import { CANONICAL_CYTOKINE_UNIT, isCytokineUnit, toPgPerMl } from "@/lib/domain/biomarkers/cytokine-units";

/** A column the export derives from a repeating group's row, beside the values as typed. */
export interface DerivedGroupColumn {
  name: string;
  label: string;
  unit: string;
  read: (row: Record<string, unknown>) => number | null;
}

function inCanonicalUnit(row: Record<string, unknown>, field: "value" | "lloq"): number | null {
  const amount = row[field];
  const unit = row.unit;
  if (typeof amount !== "number" || typeof unit !== "string" || !isCytokineUnit(unit)) return null;
  return toPgPerMl(amount, unit);
}

/**
 * The values the analyses use, per group ("form.group"): cytokines are analysed in pg/mL
 * (lib/domain/biomarkers/cytokine-units), so the file carries that value next to what was typed,
 * as the SDTM LB domain does (LBORRES as typed, LBSTRESN standard). Lab results need nothing
 * here: their normalized values are already computed columns of labs.csv.
 */
const DERIVED: Readonly<Record<string, readonly DerivedGroupColumn[]>> = {
  "cytokines.analytes": [
    {
      name: "value_pg_per_ml",
      label: `Concentration in the analyses' unit (${CANONICAL_CYTOKINE_UNIT}); empty when below LLOQ or pending`,
      unit: CANONICAL_CYTOKINE_UNIT,
      read: (row) => inCanonicalUnit(row, "value"),
    },
    {
      name: "lloq_pg_per_ml",
      label: `Lower limit of quantification in the analyses' unit (${CANONICAL_CYTOKINE_UNIT})`,
      unit: CANONICAL_CYTOKINE_UNIT,
      read: (row) => inCanonicalUnit(row, "lloq"),
    },
  ],
};

export function derivedGroupColumns(formType: string, groupPath: string): readonly DerivedGroupColumn[] {
  return DERIVED[`${formType}.${groupPath}`] ?? [];
}
