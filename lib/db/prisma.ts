import "server-only";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { getEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// One pool per process; the dev server reloads modules, so keep it on globalThis there.
const globalForPrisma = globalThis as unknown as { trialdeskPrisma?: PrismaClient };

export function getPrisma(): PrismaClient {
  globalForPrisma.trialdeskPrisma ??= createPrismaClient(getEnv().DATABASE_URL, getEnv().DATABASE_POOL_SIZE);
  return globalForPrisma.trialdeskPrisma;
}
