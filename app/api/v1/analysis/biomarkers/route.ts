import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { handleBiomarkerRequest } from "@/lib/http/analysis-handlers";

export const dynamic = "force-dynamic";

export const GET = apiRoute(API_ENDPOINTS.getBiomarkerAnalysis, (actor, { query }) =>
  handleBiomarkerRequest(actor, query),
);
