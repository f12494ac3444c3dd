import { z } from "zod";

export const EXPORT_FORMATS = ["csv", "odm", "sdtm"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Filters of every export: optionally only some sites (by code), always within the caller's own sites. */
export const ExportFiltersSchema = z.object({
  site: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9-]{1,8}$/, "A site code has 1-8 letters, digits or dashes"),
    )
    .max(50, "At most 50 sites")
    .default([]),
});

export type ExportFilters = z.output<typeof ExportFiltersSchema>;
