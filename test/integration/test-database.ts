import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface TestDatabase {
  name: string;
  url: string;
  prisma: PrismaClient;
  /** Runs SQL as the test's own connection (for assertions on the real tables). */
  query: <R extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ) => Promise<pg.QueryResult<R>>;
  drop: () => Promise<void>;
}

function urlForDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of this test file's own, cloned from the migrated template, so files can run
 * in parallel without seeing each other's rows. Call drop() in afterAll.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  const template = options.migrated === false ? "template0" : inject("templateDatabase");
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = urlForDatabase(inject("adminDatabaseUrl"), name);
  const prisma = createPrismaClient(url, 4);
  // lib/data reaches the database through getPrisma(); point it at this file's database.
  (globalThis as unknown as { trialdeskPrisma?: PrismaClient }).trialdeskPrisma = prisma;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    name,
    url,
    prisma,
    query: (sql, params) => pool.query(sql, params as unknown[]),
    drop: async () => {
      await prisma.$disconnect();
      await pool.end();
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
