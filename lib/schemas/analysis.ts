import { z } from "zod";

/** Median CI methods (lib/domain/survival CONF_TYPES): R's three curve inversions and Collett's symmetric interval. */
export const CI_METHODS = ["log-log", "log", "plain", "symmetric"] as const;
export const DEFAULT_CI_METHOD = "log-log";

const ciMethod = z
  .enum(CI_METHODS, { error: `Choose a CI method: ${CI_METHODS.join(", ")}` })
  .default(DEFAULT_CI_METHOD);

/** GET /api/v1/analysis/efficacy query. */
export const EfficacyQuerySchema = z.object({ ciMethod });

/** "median" or a positive level in the analyte's unit. */
const cut = z
  .string()
  .trim()
  .default("median")
  .transform((value, ctx) => {
    if (value === "median") return "median" as const;
    const number = Number(value);
    if (value === "" || !Number.isFinite(number) || number <= 0) {
      ctx.addIssue({ code: "custom", message: "Use median or a positive number in the analyte's unit" });
      return z.NEVER;
    }
    return number;
  });

/** GET /api/v1/analysis/biomarkers query. */
export const BiomarkerQuerySchema = z.object({
  cytokine: z.string().trim().min(1, "Name the cytokine, e.g. IL-6").max(40, "At most 40 characters").default("IL-6"),
  cut,
  endpoint: z.enum(["os", "pfs"], { error: "Choose the endpoint: os or pfs" }).default("os"),
  ciMethod,
});

export type EfficacyQuery = z.output<typeof EfficacyQuerySchema>;
export type BiomarkerQuery = z.output<typeof BiomarkerQuerySchema>;

const proportion = z.object({
  responders: z.number().int(),
  n: z.number().int(),
  estimate: z.number(),
  lower: z.number(),
  upper: z.number(),
});
const endpointSummary = z.object({
  median: z.number().nullable().describe("months; null when not reached"),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  events: z.number().int(),
  n: z.number().int(),
});

/** GET /api/v1/analysis/efficacy answer: exact (Clopper-Pearson) CIs for ORR/DCR, KM medians in months. */
export const EfficacyResponseSchema = z.object({
  orr: proportion,
  dcr: proportion,
  pfs: endpointSummary,
  os: endpointSummary,
  bor: z.object({
    CR: z.number().int(),
    PR: z.number().int(),
    SD: z.number().int(),
    PD: z.number().int(),
    NE: z.number().int(),
  }),
  n: z.number().int(),
  ciMethod: z.enum(CI_METHODS),
});
