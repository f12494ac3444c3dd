import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { assignRole } from "@/lib/data/admin";

export const dynamic = "force-dynamic";

export const POST = apiRoute(API_ENDPOINTS.adminAssignRole, (actor, { params, body }) =>
  assignRole(actor, { userId: params.id, assignment: body.assignment }),
);
