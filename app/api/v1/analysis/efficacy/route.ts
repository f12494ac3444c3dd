import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { handleEfficacyRequest } from "@/lib/http/analysis-handlers";

export const dynamic = "force-dynamic";

export const GET = apiRoute(API_ENDPOINTS.getEfficacyAnalysis, (actor, { query }) =>
  handleEfficacyRequest(actor, query),
);
