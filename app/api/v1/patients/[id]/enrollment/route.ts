import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { enrollPatient } from "@/lib/data/enrollment";

export const dynamic = "force-dynamic";

export const POST = apiRoute(API_ENDPOINTS.enrollPatient, async (actor, { params, body }) => ({
  data: await enrollPatient(actor, { patientId: params.id, enrollmentDate: body.enrollmentDate }),
}));
