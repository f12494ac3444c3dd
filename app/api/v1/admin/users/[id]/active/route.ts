import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { setUserActive } from "@/lib/data/admin";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(API_ENDPOINTS.adminSetUserActive, (actor, { params, body }) =>
  setUserActive(actor, { userId: params.id, ...body }),
);
