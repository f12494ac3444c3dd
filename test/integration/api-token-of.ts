import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/data/api-tokens";
import { DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import type { ApiTokenAccessLevel } from "@/lib/schemas/api-token";

/** A personal API token minted by a demo user (each signs in with DEMO_PASSWORD): its secret and its stored row. */
export function createDemoApiToken(actor: Actor, name: string, access: ApiTokenAccessLevel, expiresInDays = 30) {
  return createApiToken(actor, { name, access, expiresInDays, password: DEMO_PASSWORD });
}

/** The secret of a demo user's personal API token, as a script would send it in the Authorization header. */
export async function apiTokenOf(
  actor: Actor,
  name: string,
  access: ApiTokenAccessLevel,
  expiresInDays = 30,
): Promise<string> {
  return (await createDemoApiToken(actor, name, access, expiresInDays)).token;
}
