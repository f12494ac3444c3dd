import "server-only";
import type { StreamedExport } from "@/lib/data/exports/csv-export";

/**
 * A streamed download. The headers carry the totals the /exports page shows progress
 * against: patients, and for a zip the number of files (the page counts files as their
 * headers pass by).
 */
export function exportResponse(streamed: StreamedExport): Response {
  const headers = new Headers({
    "Content-Type": streamed.contentType,
    "Content-Disposition": `attachment; filename="${streamed.fileName}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Export-Id": streamed.scope.exportId,
    "X-Export-Patients": String(streamed.scope.patientCount),
  });
  if (streamed.entryCount !== null) headers.set("X-Export-Files", String(streamed.entryCount));
  return new Response(streamed.stream, { status: 200, headers });
}
