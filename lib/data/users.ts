import "server-only";
import type { SignedInUser } from "@/lib/auth/credentials";
import { getPrisma } from "@/lib/db/prisma";

export interface UserProfile extends Omit<SignedInUser, "sessionVersion"> {
  roles: { role: string; siteCode: string | null; siteName: string | null }[];
}

export async function getUserProfile(userId: string): Promise<UserProfile | null> {
  const user = await getPrisma().user.findFirst({
    where: { id: userId, active: true },
    include: { roleAssignments: { include: { site: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roleAssignments.map((a) => ({
      role: a.role,
      siteCode: a.site?.code ?? null,
      siteName: a.site?.name ?? null,
    })),
  };
}
