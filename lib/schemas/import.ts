import { z } from "zod";

export const ImportQuerySchema = z.object({
  format: z
    .enum(["odm", "csv"], { error: 'Choose the format: "odm" (CDISC ODM 1.3.2 XML) or "csv" (the CSV export zip)' })
    .describe("odm: CDISC ODM 1.3.2 XML; csv: the CSV export's zip"),
  dryRun: z
    .enum(["true", "false"], { error: 'dryRun is "true" or "false"' })
    .default("true")
    .describe("true (default): report what would happen and write nothing"),
});

/** The media type each format is sent as. */
export const IMPORT_MEDIA_TYPES = { odm: ["application/xml", "text/xml"], csv: ["application/zip"] } as const;

/** A whole trial is a few megabytes; far beyond that is refused before reading on. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
