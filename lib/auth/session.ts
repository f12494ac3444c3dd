import "server-only";
import { getServerSession } from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";

/** The signed-in user's id from the session cookie, or null. Authorization is separate. */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(getAuthOptions());
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}
