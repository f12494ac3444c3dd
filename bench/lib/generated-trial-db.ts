import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { generateTrial } from "../generate-trial";

/**
 * Generated trials for the scale benchmarks (dashboards, exports, page weight): one embedded
 * PostgreSQL holding a database per size, generated fresh the first time (or with
 * BENCH_REGENERATE=1) and reused by the next script, since the 10,000-patient trial takes
 * minutes to generate. Each also gets the reader accounts the benchmarks sign in as.
 */
export const GENERATOR_VERSION = 2; // bump when generateTrial's output changes
export const READER_PASSWORD = "bench-reader-2026";
export const READERS = {
  pi: { email: "pi@bench.test", role: "PRINCIPAL_INVESTIGATOR" },
  coordinator: { email: "coordinator@bench.test", role: "COORDINATOR" },
} as const;

export async function startTrialServer(port: number): Promise<EmbeddedServer> {
  return startEmbeddedPostgres({
    dataDir: path.join(".data", `bench-trials-${port}`),
    port,
    fresh: process.env.BENCH_REGENERATE === "1",
  });
}

export interface TrialDatabase {
  patients: number;
  url: string;
  /** Null when an earlier run's database was reused. */
  generated: { records: number; rejected: number; seconds: number } | null;
}

export async function openGeneratedTrial(server: EmbeddedServer, patients: number): Promise<TrialDatabase> {
  const name = `trial_${patients}_g${GENERATOR_VERSION}`;
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  try {
    const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
    const url = server.urlFor(name);
    if (exists && (await isComplete(url, patients))) {
      await deriveTypedTables(url);
      return { patients, url, generated: null };
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    const summary = await generateTrial(url, { patients });
    await deriveTypedTables(url);
    await createReaders(url);
    return {
      patients,
      url,
      generated: { records: summary.records, rejected: summary.rejected, seconds: summary.seconds },
    };
  } finally {
    await admin.end();
  }
}

/**
 * The generator writes crf_records in bulk, outside the save path: the typed tables and the
 * per-patient efficacy facts the readers use are derived by `npm run projections:rebuild`, as
 * on an upgraded database (a child process: lib/data needs the react-server condition). A
 * database kept from an earlier run gets this branch's migrations first, and is rebuilt when
 * either is empty.
 */
async function deriveTypedTables(url: string): Promise<void> {
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ empty: boolean }>(
      `SELECT NOT EXISTS (SELECT 1 FROM lab_results) OR NOT EXISTS (SELECT 1 FROM patient_efficacy_facts) AS "empty"`,
    );
    if (!rows[0]!.empty) return;
  } finally {
    await client.end();
  }
  const rebuild = spawnSync(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/rebuild-projections.ts"],
    { env: { ...process.env, DATABASE_URL: url, DATABASE_OWNER_URL: url }, stdio: "inherit" },
  );
  if (rebuild.status !== 0) throw new Error(`projections:rebuild failed (exit ${rebuild.status})`);
}

/**
 * An investigator of one site and one of its patients on treatment, to save a form as a site
 * would (the dashboards benchmark times the first request after a save). Created once.
 */
export async function createBenchWriter(url: string): Promise<{ email: string; patientId: string }> {
  const email = "writer@bench.test";
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [patient],
    } = await client.query<{ id: string; site_id: string }>(
      `SELECT id::text, site_id::text FROM patients WHERE status = 'ON_TREATMENT' AND enrollment_date IS NOT NULL AND deleted_at IS NULL ORDER BY subject_id LIMIT 1`,
    );
    if (!patient) throw new Error("The generated trial has no patient on treatment");
    const existing = await client.query(`SELECT 1 FROM users WHERE email = $1`, [email]);
    if (existing.rowCount === 0) {
      const hash = await hashPassword(READER_PASSWORD, { N: 2 ** 12, r: 8, p: 1 });
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO users (id, email, name, password_hash, updated_at) VALUES (gen_random_uuid(), $1, $1, $2, now()) RETURNING id`,
        [email, hash],
      );
      await client.query(
        `INSERT INTO role_assignments (id, user_id, role, site_id) VALUES (gen_random_uuid(), $1, 'INVESTIGATOR', $2)`,
        [rows[0]!.id, patient.site_id],
      );
    }
    return { email, patientId: patient.id };
  } finally {
    await client.end();
  }
}

async function isComplete(url: string, patients: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ patients: number; readers: number }>(
      `SELECT (SELECT count(*)::int FROM patients) AS patients, (SELECT count(*)::int FROM users WHERE email = ANY($1)) AS readers`,
      [Object.values(READERS).map((r) => r.email)],
    );
    return rows[0]!.patients === patients && rows[0]!.readers === Object.keys(READERS).length;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/** The PI and coordinator, both trial-wide (as in the demo accounts), with a cheap scrypt cost: sign-in is not measured. */
async function createReaders(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const hash = await hashPassword(READER_PASSWORD, { N: 2 ** 12, r: 8, p: 1 });
    for (const reader of Object.values(READERS)) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO users (id, email, name, password_hash, updated_at) VALUES (gen_random_uuid(), $1, $1, $2, now()) RETURNING id`,
        [reader.email, hash],
      );
      await client.query(
        `INSERT INTO role_assignments (id, user_id, role, site_id) VALUES (gen_random_uuid(), $1, $2::"Role", NULL)`,
        [rows[0]!.id, reader.role],
      );
    }
  } finally {
    await client.end();
  }
}

/** "load 3.41 2.90 2.75": the machine is shared, so every figure carries the load it was measured under. */
export function machineLoad(): string {
  return `load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;
}
