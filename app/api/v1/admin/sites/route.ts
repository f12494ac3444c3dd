import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { createSite, listSites } from "@/lib/data/admin";

export const dynamic = "force-dynamic";

export const GET = apiRoute(API_ENDPOINTS.adminListSites, async (actor) => ({
  data: (await listSites(actor)).map(({ id, code, name, city, country, targetEnrollment, timeZone, active }) => ({
    id,
    code,
    name,
    city,
    country,
    targetEnrollment,
    timeZone,
    active,
  })),
}));

export const POST = apiRoute(API_ENDPOINTS.adminCreateSite, async (actor, { body }) => ({
  data: await createSite(actor, body),
}));
