import { exportCsv } from "@/lib/data/exports/csv-export";
import { exportResponse } from "@/lib/http/export-response";
import { withActor } from "@/lib/http/with-actor";
import { readExportFilters } from "@/lib/schemas/export";

export const dynamic = "force-dynamic";

/** GET /api/v1/exports/csv?site=TW01 (site optional, repeatable): export.run only; streamed. */
export const GET = withActor(async (actor, request) => exportResponse(await exportCsv(actor, readExportFilters(new URL(request.url).searchParams))));
