import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { getPrisma } from "@/lib/db/prisma";

/**
 * The password check behind every sign-in. It reads users before there is an actor to
 * authorize, which is why it lives with authentication (lib/auth) rather than in lib/data.
 */

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  /** Copied into the session token; see User.sessionVersion. */
  sessionVersion: number;
}

// A real hash of a random password: unknown emails cost the same time as wrong passwords,
// so response timing does not reveal which accounts exist.
const DUMMY_HASH = "scrypt$131072$8$1$c2FsdHNhbHRzYWx0c2FsdA==$Zq7kOzpqKZgT0m7SK5b2lKHEd8K5B8cM8Yv3l9D2QbA=";

/** Why a sign-in failed, for the audit trail only: the login form shows one message for all. */
export type CredentialCheck =
  | { outcome: "ok"; user: SignedInUser }
  | { outcome: "unknown-email" }
  | { outcome: "deactivated"; userId: string }
  | { outcome: "wrong-password"; userId: string };

type UserReader = Pick<ReturnType<typeof getPrisma>, "user">;

export async function checkCredentials(
  email: string,
  password: string,
  db: UserReader = getPrisma(),
): Promise<CredentialCheck> {
  const user = await db.user.findUnique({ where: { email } });
  if (!user || !user.active) {
    await verifyPassword(password, DUMMY_HASH);
    return user ? { outcome: "deactivated", userId: user.id } : { outcome: "unknown-email" };
  }
  if (!(await verifyPassword(password, user.passwordHash))) return { outcome: "wrong-password", userId: user.id };
  return {
    outcome: "ok",
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
  };
}

export async function verifyCredentials(email: string, password: string): Promise<SignedInUser | null> {
  const check = await checkCredentials(email, password);
  return check.outcome === "ok" ? check.user : null;
}
