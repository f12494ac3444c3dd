import { z } from "zod";

/** Cursor pagination of API lists: a bounded page size, and the cursor the previous page returned. */
export const PageQuerySchema = z.object({
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe("Items per page, 1 to 200 (default 50)"),
  cursor: z.string().max(64).optional().describe("nextCursor of the previous page"),
});
