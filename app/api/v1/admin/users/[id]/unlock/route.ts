import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { unlockAccount } from "@/lib/data/admin";

export const dynamic = "force-dynamic";

export const POST = apiRoute(API_ENDPOINTS.adminUnlockUser, (actor, { params, body }) =>
  unlockAccount(actor, { userId: params.id, reason: body.reason }),
);
