import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { getPatientOutcomes } from "@/lib/data/analysis";

export const dynamic = "force-dynamic";

export const GET = apiRoute(API_ENDPOINTS.listPatientOutcomes, (actor, { query }) => getPatientOutcomes(actor, query));
