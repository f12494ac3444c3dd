import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { listCrfRecords } from "@/lib/data/crf-records";

export const dynamic = "force-dynamic";

export const GET = apiRoute(API_ENDPOINTS.listForms, async (actor, { params, query }) => ({
  data: await listCrfRecords(actor, params.id, query.formType),
}));
