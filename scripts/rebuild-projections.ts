import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { rebuildProjections } from "@/lib/data/projections-rebuild";
import { openDatabase } from "./database";

/**
 * `npm run projections:rebuild`: rebuilds every typed table (dose administrations, adverse
 * events, lab results...) from crf_records, e.g. after a projection's code changed. Safe to
 * run while the app serves: saves wait for the rebuild's transaction, then apply on top.
 * REBUILD_TIMEOUT_MINUTES lengthens its one transaction's limit (an hour) for very large trials.
 */
async function main(): Promise<void> {
  const database = await openDatabase();
  const prisma = createPrismaClient(database.url, 2);
  try {
    const minutes = Number(process.env.REBUILD_TIMEOUT_MINUTES);
    const report = await rebuildProjections(prisma, minutes > 0 ? { timeoutMs: minutes * 60_000 } : {});
    console.log(`Rebuilt the typed tables from ${report.records} saved forms in ${report.seconds} s:`);
    for (const [table, rows] of Object.entries(report.rows)) console.log(`  ${table}: ${rows} rows`);
    console.log(`  patient_efficacy_facts: ${report.efficacyFacts} patients`);
  } finally {
    await prisma.$disconnect();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
