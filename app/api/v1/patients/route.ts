import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { listPatients, registerPatient } from "@/lib/data/patients";

export const dynamic = "force-dynamic";

export const GET = apiRoute(API_ENDPOINTS.listPatients, (actor, { query }) => listPatients(actor, query));

export const POST = apiRoute(API_ENDPOINTS.registerPatient, async (actor, { body }) => ({
  data: await registerPatient(actor, body),
}));
