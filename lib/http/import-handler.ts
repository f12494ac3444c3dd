import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { scopeOf } from "@/lib/auth/actor";
import { runImport } from "@/lib/data/imports";
import { ForbiddenError, PayloadTooLargeError, ValidationError } from "@/lib/errors";
import { ImportFileError } from "@/lib/import/import-bundle";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { IMPORT_MEDIA_TYPES, ImportQuerySchema, MAX_IMPORT_BYTES } from "@/lib/schemas/import";

/**
 * POST /api/v1/imports?format=odm|csv&dryRun=true|false, the file as the body. Permission
 * first (a caller without import.run learns nothing and uploads nothing), then the query, the
 * media type and the size; a file that cannot be read is a 4xx with nothing written. The body
 * is handed to the import as the stream it is (runImport spools it to a temporary file while
 * checking it): it is never read into memory whole.
 */
export async function handleImportRequest(actor: Actor, request: Request): Promise<Response> {
  if (scopeOf(actor, "import.run").kind === "none") throw new ForbiddenError("You cannot import data.");
  const query = ImportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    throw new ValidationError(toFieldErrors(query.error.issues), "Some query parameters are not valid.");
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  const expected: readonly string[] = IMPORT_MEDIA_TYPES[query.data.format];
  if (!expected.includes(mediaType)) {
    return Response.json(
      { error: `Send a ${query.data.format} import as ${expected.join(" or ")}.` },
      { status: 415, headers: { "Cache-Control": "no-store" } },
    );
  }
  // A Content-Length over the limit is refused before a byte is read; a body without one (or
  // lying) is cut off at the limit while it is read.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES)
    throw new PayloadTooLargeError(MAX_IMPORT_BYTES);
  try {
    const report = await runImport(actor, {
      format: query.data.format,
      body: request.body ?? new Uint8Array(0),
      dryRun: query.data.dryRun === "true",
      maxBytes: MAX_IMPORT_BYTES,
    });
    return Response.json(report, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof ImportFileError)
      return Response.json(
        { error: error.message },
        { status: error.status, headers: { "Cache-Control": "no-store" } },
      );
    throw error;
  }
}
