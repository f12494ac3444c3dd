import os from "node:os";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { startBenchDatabase } from "./lib/app-server";

/**
 * The cost of one database statement through Prisma (7, query compiler + @prisma/adapter-pg,
 * as the app uses it) against the same statement through `pg` alone, one at a time on one
 * connection: the client-side CPU per statement that bench:save's per-save figures are made of.
 *
 *   npm run bench:query-overhead            # BENCH_QUERIES=2000 by default
 */
const DB_PORT = Number(process.env.BENCH_DB_PORT ?? 54413);
const N = Number(process.env.BENCH_QUERIES ?? 2000);

async function measure(label: string, count: number, run: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 100; i++) await run(i); // warm-up: JIT, prepared plans, pool
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) await run(i);
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - started) / count;
  console.log(
    `${label.padEnd(44)} wall ${wall.toFixed(3)} ms  client CPU ${((used.user + used.system) / 1000 / count).toFixed(3)} ms  (${count} sequential)`,
  );
}

async function main(): Promise<void> {
  console.log(
    `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  const db = await startBenchDatabase(DB_PORT);
  const pool = new pg.Pool({ connectionString: db.url, max: 1 });
  const prisma = createPrismaClient(db.url, 1);
  try {
    await measure("pg: SELECT $1", N, (i) => pool.query("SELECT $1::int", [i]));
    await measure("Prisma: $queryRaw SELECT ${i}", N, (i) => prisma.$queryRaw`SELECT ${i}::int`);
    await measure("Prisma: user.findFirst (no row)", N, (i) =>
      prisma.user.findFirst({ where: { email: `nobody-${i}@bench.test` }, select: { id: true } }),
    );
    await measure("pg: BEGIN; SELECT $1; COMMIT", N / 2, async (i) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SELECT $1::int", [i]);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    });
    await measure("Prisma: $transaction(SELECT ${i})", N / 2, (i) =>
      prisma.$transaction((tx) => tx.$queryRaw`SELECT ${i}::int`),
    );
  } finally {
    await pool.end();
    await prisma.$disconnect();
    await db.server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
