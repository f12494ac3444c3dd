import path from "node:path";
import type { TestProject } from "vitest/node";
import { findFreePort, startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";

/**
 * One real PostgreSQL for the integration run: the embedded server in a fresh folder
 * (or TEST_DATABASE_URL's server), with a migrated template database that each test
 * file clones into a database of its own (test/integration/test-database.ts).
 */
export const TEMPLATE_DATABASE = "trialdesk_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

let server: EmbeddedServer | null = null;

export async function setup(project: TestProject): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    server = await startEmbeddedPostgres({
      dataDir: path.join(".data", "test-postgres"),
      port: await findFreePort(),
      fresh: true,
    });
    adminUrl = server.urlFor("postgres");
  }
  const admin = new URL(adminUrl);
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await client.end();
  admin.pathname = `/${TEMPLATE_DATABASE}`;
  await applyMigrations(admin.toString());
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
