import { exportOdm } from "@/lib/data/exports/odm-export";
import { exportResponse } from "@/lib/http/export-response";
import { withActor } from "@/lib/http/with-actor";
import { readExportFilters } from "@/lib/schemas/export";

export const dynamic = "force-dynamic";

/** GET /api/v1/exports/odm?site=TW01 (site optional, repeatable): export.run only; streamed. */
export const GET = withActor(async (actor, request) => exportResponse(await exportOdm(actor, readExportFilters(new URL(request.url).searchParams))));
