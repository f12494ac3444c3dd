import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { createUser, listUsers } from "@/lib/data/admin";

export const dynamic = "force-dynamic";

export const GET = apiRoute(API_ENDPOINTS.adminListUsers, async (actor, { query }) => {
  const users = await listUsers(actor);
  return {
    data: users
      .filter((user) => query.locked === undefined || (user.signInLockedUntil !== null) === (query.locked === "true"))
      .map((user) => ({
        id: user.id,
        email: user.email,
        name: user.name,
        active: user.active,
        roles: user.roleAssignments.map((a) => ({ id: a.id, role: a.role, site: a.site })),
        signInLockedUntil: user.signInLockedUntil?.toISOString() ?? null,
      })),
  };
});

export const POST = apiRoute(API_ENDPOINTS.adminCreateUser, async (actor, { body }) => ({
  data: await createUser(actor, body),
}));
