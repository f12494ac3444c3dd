import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { GENERATOR_VERSION, startTrialServer } from "./generated-trial-db";

/**
 * A generated trial opened for the in-process profiles (bench/*-profile.ts): the app's data layer
 * runs against it with no HTTP and no rendering. Without DATABASE_URL, the bench's own embedded
 * server (BENCH_DB_PORT) and the trial of BENCH_PATIENTS patients that bench:dashboards made.
 */
export interface InProcessTrial {
  /** The bench's readers (PI, coordinator, investigator... @bench.test) as actors, by e-mail. */
  readers: (Actor & { role: Role })[];
  /** Drops the results kept per data version, as the first request after a save finds them. */
  clearKeptResults: () => void;
  /**
   * Writes one enrolled patient's row and its efficacy and schedule facts rows again, unchanged,
   * as a save does: the cohort, the schedule facts and the toxicity kept in the process
   * (lib/data/analysis-cohort-store.ts, schedule-facts-store.ts, toxicity-store.ts) then read
   * that patient again.
   */
  touchOnePatient: () => Promise<void>;
  close: () => Promise<void>;
}

export async function openTrialInProcess(): Promise<InProcessTrial> {
  const server = process.env.DATABASE_URL ? null : await startTrialServer(Number(process.env.BENCH_DB_PORT ?? 54411));
  const url =
    process.env.DATABASE_URL ?? server!.urlFor(`trial_${process.env.BENCH_PATIENTS ?? "10000"}_g${GENERATOR_VERSION}`);
  // The data layer's getPrisma() takes the client kept on globalThis.
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  (globalThis as unknown as { trialdeskPrisma?: PrismaClient }).trialdeskPrisma = prisma;
  const kept = globalThis as unknown as { trialdeskDashboardResults?: { clear(): void } };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: string; email: string; name: string; role: Role; site_id: string | null }>(
    `SELECT u.id, u.email, u.name, r.role, r.site_id FROM users u JOIN role_assignments r ON r.user_id = u.id
     WHERE u.email LIKE '%@bench.test' ORDER BY u.email`,
  );
  await client.end();
  const touch = async () => {
    await prisma.$executeRawUnsafe(
      `UPDATE patient_efficacy_facts SET updated_at = now() WHERE patient_id = (SELECT patient_id FROM patient_efficacy_facts ORDER BY patient_id LIMIT 1)`,
    );
    await prisma.$executeRawUnsafe(
      `UPDATE patient_schedule_facts SET updated_at = now() WHERE patient_id = (SELECT patient_id FROM patient_efficacy_facts ORDER BY patient_id LIMIT 1)`,
    );
    await prisma.$executeRawUnsafe(
      `UPDATE patients SET updated_at = now() WHERE id = (SELECT patient_id FROM patient_efficacy_facts ORDER BY patient_id LIMIT 1)`,
    );
  };
  return {
    readers: rows.map((r) => ({
      userId: r.id,
      email: r.email,
      name: r.name,
      role: r.role,
      assignments: [{ role: r.role, siteId: r.site_id }],
    })),
    clearKeptResults: () => kept.trialdeskDashboardResults?.clear(),
    touchOnePatient: touch,
    close: async () => {
      await prisma.$disconnect();
      await server?.stop();
    },
  };
}
