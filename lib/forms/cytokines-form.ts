import { z } from "zod";
import { isoDate } from "@/lib/schemas/iso-date";
import { checkBaselineDate } from "./baseline-dates";
import { defineForm } from "./form-definition";

/** The trial's baseline angiogenesis factors and cytokines (docs/protocol.md, "Assessments"); others may be added by name. */
export const DEFAULT_ANALYTES = ["IL-6", "IL-8", "VEGF", "bFGF", "TNF-alpha"] as const;
/** Concentration units of the plasma immunoassays: kept as typed, analysed in pg/mL (lib/domain/biomarkers/cytokine-units). */
export const CYTOKINE_UNITS = ["pg/mL", "ng/mL", "ng/L"] as const;
/** Upper plausibility bound of a plasma concentration as typed (trial-configured). */
export const CYTOKINE_VALUE_MAX = 1_000_000;

const concentration = (label: string) =>
  z
    .number({ error: `Enter the ${label} as a number` })
    .min(0, `The ${label} cannot be negative`)
    .max(CYTOKINE_VALUE_MAX, `The ${label} must be at most ${CYTOKINE_VALUE_MAX}`);

/**
 * One analyte. A result below the assay's lower limit of quantification is stored as
 * { value: null, belowLloq: true, lloq } and never as zero: zero would be a measured value
 * and would bias any analysis of the marker (e.g. IL-6 and survival) downwards.
 */
export const AnalyteSchema = z
  .object({
    analyte: z.string().trim().min(1, "Name the analyte").max(40, "At most 40 characters"),
    value: concentration("value").nullable(),
    unit: z.enum(CYTOKINE_UNITS, { error: "Choose the unit" }),
    lloq: concentration("lower limit of quantification")
      .positive("The lower limit of quantification must be above 0")
      .nullable(),
    belowLloq: z.boolean(),
  })
  .superRefine(
    (row, ctx) => {
      if (row.belowLloq && row.value !== null) {
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message: "A result below the LLOQ has no value: clear it or untick below LLOQ",
        });
      }
      if (row.belowLloq && row.lloq === null) {
        ctx.addIssue({ code: "custom", path: ["lloq"], message: "Enter the assay's lower limit of quantification" });
      }
      if (!row.belowLloq && row.value !== null && row.lloq !== null && row.value < row.lloq) {
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message: `The value is below the LLOQ (${row.lloq} ${row.unit}): tick below LLOQ instead`,
        });
      }
    },
    { when: (payload) => payload.issues.length === 0 },
  );

export const CytokinesSchema = z
  .object({
    sampleDate: isoDate("sample date"),
    analytes: z.array(AnalyteSchema).min(1, "Add at least one analyte").max(30, "At most 30 analytes"),
  })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.analytes.forEach((row, index) => {
      const key = row.analyte.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({
          code: "custom",
          path: ["analytes", index, "analyte"],
          message: `${row.analyte} is listed twice`,
        });
      seen.add(key);
    });
  });

export type CytokinesData = z.output<typeof CytokinesSchema>;
export type AnalyteRow = CytokinesData["analytes"][number];

/** A row has a result when it has a value, or is below an LLOQ that is known. */
export function hasResult(row: AnalyteRow): boolean {
  return row.lloq !== null && (row.belowLloq || row.value !== null);
}

/** Counts for the patient page: "5 analytes, 1 below LLOQ" (and how many await a result). */
export function summarizeCytokines(rows: readonly AnalyteRow[]): {
  analyteCount: number;
  belowLloqCount: number;
  pendingCount: number;
  summary: string;
} {
  const belowLloqCount = rows.filter((r) => r.belowLloq).length;
  const pendingCount = rows.filter((r) => !hasResult(r)).length;
  const parts = [`${rows.length} analyte${rows.length === 1 ? "" : "s"}`, `${belowLloqCount} below LLOQ`];
  if (pendingCount) parts.push(`${pendingCount} pending`);
  return { analyteCount: rows.length, belowLloqCount, pendingCount, summary: parts.join(", ") };
}

export const cytokinesForm = defineForm({
  type: "cytokines",
  title: "Baseline cytokines",
  repeating: false,
  placement: "baseline",
  fixedVisitKey: "baseline",
  schema: CytokinesSchema,
  labels: {
    sampleDate: "Plasma sample date (yyyy-mm-dd)",
    "analytes.*.analyte": "Analyte",
    "analytes.*.value": "Concentration (unit in analytes.*.unit; null when below LLOQ or pending)",
    "analytes.*.unit": "Concentration unit as typed (pg/mL, ng/mL, ng/L; analyses convert to pg/mL)",
    "analytes.*.lloq": "Assay lower limit of quantification (same unit)",
    "analytes.*.belowLloq": "Below the lower limit of quantification",
  },
  isComplete: (data) => data.analytes.every(hasResult),
  compute: (data) => summarizeCytokines(data.analytes),
  checkInContext: (data, context) => checkBaselineDate(data.sampleDate, "sampleDate", "sample date", context),
});
