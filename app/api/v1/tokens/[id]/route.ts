import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { revokeApiToken } from "@/lib/data/api-tokens";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute(API_ENDPOINTS.revokeApiToken, async (actor, { params }) => ({
  data: await revokeApiToken(actor, { tokenId: params.id }),
}));
