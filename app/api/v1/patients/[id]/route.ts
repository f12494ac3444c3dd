import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { getPatientOrThrow } from "@/lib/data/patients";

export const dynamic = "force-dynamic";

/** 404 for a missing patient and for another site's patient alike. */
export const GET = apiRoute(API_ENDPOINTS.getPatient, async (actor, { params }) => ({
  data: await getPatientOrThrow(actor, params.id),
}));
