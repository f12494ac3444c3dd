import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { getToxicityAnalysis } from "@/lib/data/toxicity-analysis";

export const dynamic = "force-dynamic";

/** GET /api/v1/analysis/toxicity?site=&term=&grade=&serious=&thalidomide=&uft=&onsetFrom=&onsetTo= (400 with field errors when malformed). */
export const GET = apiRoute(API_ENDPOINTS.getToxicityAnalysis, (actor, { query }) => getToxicityAnalysis(actor, query));
