import { z } from "zod";

/**
 * Filters of the query inbox and the record status grid, read from the URL. A hand-edited
 * value that is not one of the choices is dropped (the page shows everything for it), never
 * passed to the database.
 */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const page = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);
const siteId = optional(z.uuid());
const formType = optional(z.string().regex(/^[a-z-]{1,40}$/));

export const QUERY_STATUS_FILTERS = ["open", "OPEN", "ANSWERED", "CLOSED", "all"] as const;

export const QueryInboxFilterSchema = z.object({
  status: z.enum(QUERY_STATUS_FILTERS).catch("open").default("open"),
  site: siteId,
  form: formType,
  /** Only queries opened at least this many days ago. */
  olderThan: optional(z.coerce.number().int().min(0).max(3650)),
  page,
});
export type QueryInboxFilter = z.infer<typeof QueryInboxFilterSchema>;

export const PATIENT_SORTS = ["subject", "screening", "status"] as const;

export const PatientListFilterSchema = z.object({
  q: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,32}$/),
  ),
  site: siteId,
  status: optional(z.enum(["SCREENING", "SCREEN_FAILED", "ON_TREATMENT", "OFF_TREATMENT", "OFF_STUDY", "DEAD"])),
  sort: z.enum(PATIENT_SORTS).catch("subject").default("subject"),
  page,
});
export type PatientListFilter = z.infer<typeof PatientListFilterSchema>;
