import "server-only";
import { notFound } from "next/navigation";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/require-actor";

/** For pages: the actor if they hold the permission somewhere, else a 404 that reveals nothing. */
export async function requirePermission(permission: Permission, returnTo: string): Promise<Actor> {
  const actor = await requireActor(returnTo);
  if (!hasPermission(actor, permission)) notFound();
  return actor;
}
