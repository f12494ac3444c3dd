import { exportCsv } from "@/lib/data/exports/csv-export";
import { exportResponse } from "@/lib/http/export-response";
import { withActor } from "@/lib/http/with-actor";
import { readExportFilters } from "@/lib/schemas/export";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/exports/csv?site=TW01 (site optional, repeatable; JSON body, e.g. {}): export.run only;
 * streamed. A POST, not a GET: an export writes an audit row, so a cross-site link or image
 * must not be able to start one under the PI's session (GET is answered 405 by Next.js).
 */
export const POST = withActor(async (actor, request) => exportResponse(await exportCsv(actor, readExportFilters(new URL(request.url).searchParams))), { changesNoData: true });
