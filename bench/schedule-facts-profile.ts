import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { getDataQuality } from "@/lib/data/data-quality";
import { getRecordStatusGrid } from "@/lib/data/record-status-grid";
import { getMyWork } from "@/lib/data/work-lists";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The data layer of the pages that read the schedule facts, every call cold: the results kept
 * per data version are dropped before each call, as the first request after a save finds them.
 * No HTTP, no rendering. Against a generated trial (npm run bench:dashboards makes one):
 *
 *   DATABASE_URL=postgresql://...trial_10000_g2 npx tsx --conditions=react-server bench/schedule-facts-profile.ts
 */
const RUNS = Number(process.env.PROFILE_RUNS ?? 5);

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  (globalThis as unknown as { trialdeskPrisma?: PrismaClient }).trialdeskPrisma = prisma;
  const kept = globalThis as unknown as { trialdeskDashboardResults?: { clear(): void } };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{
    id: string;
    email: string;
    name: string;
    role: string;
    site_id: string | null;
  }>(
    `SELECT u.id, u.email, u.name, r.role, r.site_id FROM users u JOIN role_assignments r ON r.user_id = u.id
     WHERE u.email LIKE '%@bench.test' ORDER BY u.email`,
  );
  await client.end();
  try {
    for (const reader of rows) {
      const actor = {
        userId: reader.id,
        email: reader.email,
        name: reader.name,
        assignments: [{ role: reader.role, siteId: reader.site_id }],
      } as Actor;
      const time = async (label: string, run: () => Promise<unknown>) => {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          kept.trialdeskDashboardResults?.clear();
          const started = performance.now();
          await run();
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        console.log(
          `${reader.role.padEnd(24)} ${label.padEnd(22)} cold median ${times[Math.floor(times.length / 2)]!.toFixed(0).padStart(5)} ms  min ${times[0]!.toFixed(0).padStart(5)} ms  max ${times.at(-1)!.toFixed(0).padStart(5)} ms  (${RUNS} runs)`,
        );
      };
      if (reader.role !== "INVESTIGATOR") await time("data quality", () => getDataQuality(actor));
      await time("home (all lists)", () => getMyWork(actor));
      await time("grid, overdue filter", () =>
        getRecordStatusGrid(actor, { sort: "subject", page: 1, state: "overdue" }),
      );
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
