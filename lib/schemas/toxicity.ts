import { z } from "zod";
import { ATTRIBUTION_FILTERS, GRADE_FILTERS, type ToxicityFilters } from "@/lib/domain/toxicity/toxicity-filters";
import { getAeTerm } from "@/lib/domain/ctcae";
import { isRealCalendarDate } from "./iso-date";
import { ISO_DATE_PATTERN } from "@/lib/domain/iso-date";

/**
 * The toxicity review's filters as they travel in a URL (the dashboard page and
 * GET /api/v1/analysis/toxicity share this schema). An empty parameter, as an HTML form
 * submits an unset select, means "no filter".
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const calendarDate = (label: string) =>
  z
    .string()
    .regex(ISO_DATE_PATTERN, `Enter the ${label} as yyyy-mm-dd`)
    .refine(isRealCalendarDate, `The ${label} is not a real date`);

export const ToxicityQuerySchema = z
  .object({
    site: optional(z.string().regex(/^[A-Z0-9]{2,8}$/, "Choose a site by its code, e.g. TW01")),
    term: optional(
      z
        .string()
        .trim()
        .max(200)
        .refine((term) => getAeTerm(term) !== null, "Choose a CTCAE v5.0 term from the list"),
    ),
    grade: optional(z.enum(GRADE_FILTERS, { error: `Choose a grade: ${GRADE_FILTERS.join(", ")}` })),
    serious: optional(z.enum(["yes", "no"], { error: "Answer yes or no" })),
    thalidomide: optional(
      z.enum(ATTRIBUTION_FILTERS, { error: `Choose an attribution: ${ATTRIBUTION_FILTERS.join(", ")}` }),
    ),
    uft: optional(z.enum(ATTRIBUTION_FILTERS, { error: `Choose an attribution: ${ATTRIBUTION_FILTERS.join(", ")}` })),
    onsetFrom: optional(calendarDate("first onset date")),
    onsetTo: optional(calendarDate("last onset date")),
  })
  .superRefine((query, ctx) => {
    if (query.onsetFrom && query.onsetTo && query.onsetFrom > query.onsetTo) {
      ctx.addIssue({ code: "custom", path: ["onsetTo"], message: "The last onset date cannot be before the first" });
    }
  }) satisfies z.ZodType<ToxicityFilters>;

export type ToxicityQuery = z.output<typeof ToxicityQuerySchema>;

const patientCount = z.object({ n: z.number().int(), percent: z.number().nullable() });
const worstGradeRow = z.object({
  term: z.string(),
  soc: z.string().nullable(),
  grade1to2: patientCount,
  grade3: patientCount,
  grade4: patientCount,
  grade5: patientCount,
  any: patientCount,
});

/** The response of GET /api/v1/analysis/toxicity (for the OpenAPI document). */
export const ToxicityAnalysisResponseSchema = z.object({
  filters: z.record(z.string(), z.string()),
  worstGrade: z.object({
    population: z.literal("enrolled"),
    description: z.string(),
    denominator: z.number().int(),
    anyEvent: worstGradeRow,
    rows: z.array(worstGradeRow),
  }),
  counts: z.object({
    adverseEvents: z.number().int(),
    patientsWithEvents: z.number().int(),
    seriousAdverseEvents: z.number().int(),
    overdueSaeReports: z.number().int(),
    labResultsGrade3Plus: z.number().int(),
    awaitingReview: z.number().int(),
    escalated: z.number().int(),
  }),
});

export type ToxicityAnalysisResponse = z.output<typeof ToxicityAnalysisResponseSchema>;

/** A coordinator's (or the PI's) decision on one queue item. */
export const ToxicityReviewSchema = z.object({
  patientId: z.uuid(),
  recordId: z.uuid(),
  itemKey: z.string().regex(/^(event|lab:[a-zA-Z0-9]+)$/, "Unknown review item"),
  /** The record version the reviewer looked at: a record changed meanwhile is a conflict. */
  recordVersion: z.number().int().min(1),
  decision: z.enum(["REVIEWED", "ESCALATED"], { error: "Choose reviewed or escalate to the PI" }),
  comment: z
    .string()
    .trim()
    .min(3, "Write a comment of at least 3 characters")
    .max(2000, "Keep the comment under 2,000 characters"),
});

export type ToxicityReviewInput = z.input<typeof ToxicityReviewSchema>;
