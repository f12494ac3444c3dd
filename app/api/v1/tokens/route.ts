import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { createApiToken, listApiTokens } from "@/lib/data/api-tokens";

export const dynamic = "force-dynamic";

export const GET = apiRoute(API_ENDPOINTS.listApiTokens, async (actor) => ({ data: await listApiTokens(actor) }));

/** createApiToken refuses a token caller and re-checks the password through the sign-in throttle. */
export const POST = apiRoute(API_ENDPOINTS.createApiToken, async (actor, { body }) => ({
  data: await createApiToken(actor, body),
}));
