import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Prisma 7 with the `pg` driver adapter: no native query engine is needed, so the app
 * runs anywhere Node.js does. Scripts and tests build their own client; the app uses
 * the singleton in lib/db/prisma.ts.
 */
export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: poolSize,
    // A refused connection fails at once; this bounds the wait for a free pooled connection or
    // a server that hangs, so requests fail with an error instead of queueing forever.
    connectionTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter });
}
