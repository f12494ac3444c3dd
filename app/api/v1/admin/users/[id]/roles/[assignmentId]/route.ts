import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { removeRole } from "@/lib/data/admin";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(API_ENDPOINTS.adminRemoveRole, (actor, { params, body }) =>
  removeRole(actor, { userId: params.id, assignmentId: params.assignmentId, reason: body.reason }),
);
