import { z } from "zod";

/** Cursor pagination of API lists: a bounded page size, and the cursor the previous page returned. */
export const PageQuerySchema = z.object({
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe("Items per page, 1 to 200 (default 50)"),
  // Cursors are site codes and subject IDs (TW01, TW01-007); anything else (a NUL byte, which
  // PostgreSQL text cannot hold, among others) would fail in the database instead of here.
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, "Pass the nextCursor of the previous page")
    .optional()
    .describe("nextCursor of the previous page"),
});
