import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { updateSite } from "@/lib/data/admin";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(API_ENDPOINTS.adminUpdateSite, async (actor, { params, body }) => ({
  data: await updateSite(actor, { siteId: params.id, ...body }),
}));
