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
  // Prisma's default maxWait (2 s) failed saves under load that the pool would have served:
  // wait for a connection as long as the pool does, and bound a transaction's run time.
  return new PrismaClient({
    adapter,
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    // Bookkeeping for the analyses' change tracking (read in SQL only), a bigint that JSON cannot carry.
    omit: {
      patient: { changeXid: true },
      crfRecord: { changeXid: true },
      adverseEvent: { changeXid: true },
      labResult: { changeXid: true },
      patientEfficacyFacts: { changeXid: true },
      patientScheduleFacts: { changeXid: true },
    },
  });
}
