import { exportSdtm } from "@/lib/data/exports/sdtm-export";
import { exportResponse } from "@/lib/http/export-response";
import { withActor } from "@/lib/http/with-actor";
import { readExportFilters } from "@/lib/schemas/export";

export const dynamic = "force-dynamic";

/** GET /api/v1/exports/sdtm?site=TW01 (site optional, repeatable): export.run only; streamed. */
export const GET = withActor(async (actor, request) => exportResponse(await exportSdtm(actor, readExportFilters(new URL(request.url).searchParams))));
