import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { getEnrollmentSummary } from "@/lib/data/analysis";

export const dynamic = "force-dynamic";

/** GET /api/v1/analysis/enrollment -> per site and total vs target, cumulative enrollment. */
export const GET = apiRoute(API_ENDPOINTS.getEnrollmentSummary, (actor) => getEnrollmentSummary(actor));
