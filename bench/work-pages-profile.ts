import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { getRecordStatusGrid } from "@/lib/data/record-status-grid";
import { getMyWork } from "@/lib/data/work-lists";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { PatientListFilter } from "@/lib/schemas/work-filters";

/**
 * The data layer of the home work-lists and the record status grid, without HTTP or rendering:
 * per bench reader (bench/lib/generated-trial-db.ts), the first call (nothing kept yet) and the
 * median of the warm ones. PROFILE_LOG=<chars> prints each statement with its time, to find
 * what to EXPLAIN ANALYZE. Runs against a generated trial (npm run bench:dashboards makes one):
 *
 *   DATABASE_URL=postgresql://...trial_10000_g2 npx tsx --conditions=react-server bench/work-pages-profile.ts
 */
const RUNS = Number(process.env.PROFILE_RUNS ?? 10);
const LOG = Number(process.env.PROFILE_LOG ?? 0);
const GRIDS: { label: string; filter: Partial<PatientListFilter> & { state?: "overdue" } }[] = [
  { label: "grid page 1", filter: { page: 1 } },
  { label: "grid page 30", filter: { page: 30 } },
  { label: "grid overdue", filter: { page: 1, state: "overdue" } },
];

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  // lib/db/prisma.ts keeps its client on globalThis: put one there that reports each statement.
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    log: [{ emit: "event", level: "query" }],
  });
  if (LOG)
    prisma.$on("query", (e) =>
      console.log(`  ${String(Math.round(e.duration)).padStart(5)} ms  ${e.query.replace(/\s+/g, " ").slice(0, LOG)}`),
    );
  (globalThis as unknown as { trialdeskPrisma?: PrismaClient }).trialdeskPrisma = prisma;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: string; email: string; name: string; role: string }>(
    `SELECT u.id, u.email, u.name, r.role FROM users u JOIN role_assignments r ON r.user_id = u.id WHERE u.email LIKE '%@bench.test' ORDER BY u.email`,
  );
  await client.end();
  try {
    for (const reader of rows) {
      const actor = {
        userId: reader.id,
        email: reader.email,
        name: reader.name,
        assignments: [{ role: reader.role, siteId: null }],
      };
      const time = async (label: string, run: () => Promise<unknown>) => {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          await run();
          times.push(performance.now() - started);
        }
        const warm = times.slice(1).sort((a, b) => a - b);
        console.log(
          `${reader.role.padEnd(24)} ${label.padEnd(14)} first ${times[0]!.toFixed(0).padStart(6)} ms  warm median ${warm[Math.floor(warm.length / 2)]!.toFixed(0).padStart(4)} ms  min ${warm[0]!.toFixed(0).padStart(4)} ms  (${warm.length} warm)`,
        );
      };
      await time("home", () => getMyWork(actor));
      for (const grid of GRIDS)
        await time(grid.label, () => getRecordStatusGrid(actor, { sort: "subject", page: 1, ...grid.filter }));
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
