import "server-only";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/get-actor";

/** For pages: the signed-in actor, or a redirect to the login page (proxy.ts does the same earlier). */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
