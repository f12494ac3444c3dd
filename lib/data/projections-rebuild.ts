import "server-only";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import type { MigrationResult } from "@/lib/db/migrate";
import { PROJECTED_FORM_TYPES, PROJECTION_TABLE_NAMES, type ProjectionTableName } from "@/lib/forms/projections";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { rebuildEfficacyFacts } from "./efficacy-facts";
import { replaceProjections } from "./projections";
import { rebuildScheduleFacts } from "./schedule-facts";

/** The migration that created the typed tables: the run that applies it fills them (backfill). */
export const TYPED_TABLES_MIGRATION = "20261207100000_typed_clinical_tables";
/** The migration that created the per-patient efficacy facts: the run that applies it fills them. */
export const EFFICACY_FACTS_MIGRATION = "20261208100000_patient_efficacy_facts";

const BATCH = 500;
// A rebuild of a large trial reads every form once; minutes, not Prisma's default 15 s. A trial
// of 100,000 patients (1.4 million forms) on a busy machine needs more: the script takes a longer one.
const REBUILD_TIMEOUT_MS = 60 * 60 * 1000;

export interface RebuildReport {
  records: number;
  rows: Record<ProjectionTableName, number>;
  /** Patients whose efficacy facts were derived (every enrolled patient). */
  efficacyFacts: number;
  seconds: number;
}

/**
 * Rebuilds every typed table from crf_records (the record of capture) with the forms' own
 * projections, in one transaction: the tables are emptied (TRUNCATE, which also holds off the
 * saves' writes to them until the rebuild commits) and refilled from every form not withdrawn,
 * in batches of one statement each; then every enrolled patient's efficacy facts are derived
 * again (lib/data/efficacy-facts.ts). A maintenance step of the schema owner (scripts, the
 * migrate step), not a user action: it changes no captured value, so it writes no audit record.
 */
export async function rebuildProjections(
  prisma: PrismaClient,
  options: { timeoutMs?: number } = {},
): Promise<RebuildReport> {
  const started = performance.now();
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`TRUNCATE ${PROJECTION_TABLE_NAMES.map((t) => `"${t}"`).join(", ")}`);
      let records = 0;
      let after: string | null = null;
      for (;;) {
        const batch: { id: string; patientId: string; formType: string; data: unknown; computed: unknown }[] =
          await tx.crfRecord.findMany({
            where: { deletedAt: null, formType: { in: PROJECTED_FORM_TYPES }, ...(after ? { id: { gt: after } } : {}) },
            orderBy: { id: "asc" },
            take: BATCH,
            select: { id: true, patientId: true, formType: true, data: true, computed: true },
          });
        if (batch.length === 0) break;
        await replaceProjections(
          tx,
          batch.map((r) => ({ ...r, withdrawn: false })),
        );
        records += batch.length;
        after = batch[batch.length - 1]!.id;
      }
      // The per-patient schedule facts: kept by triggers, recomputed here like every derived table.
      await rebuildScheduleFacts(tx);
      const counts = await tx.$queryRawUnsafe<{ table: ProjectionTableName; rows: number }[]>(
        PROJECTION_TABLE_NAMES.map((t) => `SELECT '${t}' AS "table", count(*)::int AS "rows" FROM "${t}"`).join(
          " UNION ALL ",
        ),
      );
      const rows = Object.fromEntries(counts.map((c) => [c.table, c.rows])) as Record<ProjectionTableName, number>;
      const efficacyFacts = await rebuildEfficacyFacts(tx);
      return { records, rows, efficacyFacts, seconds: Math.round((performance.now() - started) / 100) / 10 };
    },
    { timeout: options.timeoutMs ?? REBUILD_TIMEOUT_MS, maxWait: 60_000 },
  );
}

/**
 * The backfill of existing databases: when this migration run applied the typed tables' (or
 * the efficacy facts') migration, fill them from the forms already saved. (A SQL backfill would repeat every
 * projection in SQL, with the CTCAE lookups and unit conversions: two implementations that
 * could disagree.) Should the process stop between the two, `npm run projections:rebuild`
 * does the same at any time.
 */
export async function backfillProjectionsAfterMigration(
  databaseUrl: string,
  result: MigrationResult,
  log: (line: string) => void = () => {},
): Promise<RebuildReport | null> {
  if (!result.applied.includes(TYPED_TABLES_MIGRATION) && !result.applied.includes(EFFICACY_FACTS_MIGRATION))
    return null;
  const prisma = createPrismaClient(databaseUrl, 2);
  try {
    const report = await rebuildProjections(prisma);
    log(
      `Typed tables filled from ${report.records} saved forms, efficacy facts of ${report.efficacyFacts} patients, in ${report.seconds} s.`,
    );
    return report;
  } finally {
    await prisma.$disconnect();
  }
}
