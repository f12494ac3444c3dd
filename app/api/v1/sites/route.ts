import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { listReadableSites } from "@/lib/data/sites";

export const dynamic = "force-dynamic";

export const GET = apiRoute(API_ENDPOINTS.listSites, (actor, { query }) => listReadableSites(actor, query));
