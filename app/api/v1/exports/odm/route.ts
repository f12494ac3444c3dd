import { exportOdm } from "@/lib/data/exports/odm-export";
import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { exportResponse } from "@/lib/http/export-response";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/exports/odm?site=TW01 (site optional, repeatable; JSON body, e.g. {}): export.run only;
 * streamed. A POST, not a GET: an export writes an audit row, so a cross-site link or image
 * must not be able to start one under the PI's session (GET is answered 405 by Next.js).
 */
export const POST = apiRoute(API_ENDPOINTS.exportOdm, async (actor, { query }) =>
  exportResponse(await exportOdm(actor, query)),
);
