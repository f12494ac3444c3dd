import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { diffFormData } from "@/lib/forms/flatten";
import { inPoolTransaction } from "./lib/pool-transaction";
import { createRandom, type Random } from "./lib/random";
import { generatePatient } from "./lib/trial-patient";

/**
 * A deterministic synthetic trial for scale tests (issue 8, benchmarks 2 and 3): sites,
 * patients and their forms (screening, baseline lesions and cytokines, labs every 4 weeks,
 * tumour assessments every 8 weeks, adverse events, end of study with progression and death
 * dates once off treatment), each with its computed values from the
 * forms' own compute and a CREATE audit event, bulk-inserted with unnest() arrays.
 *
 *   npm run bench:generate -- 10000              # embedded server on port 54409
 *   GENERATE_DATABASE_URL=postgresql://... npm run bench:generate -- 100000
 *
 * Reuse: `generateTrial(databaseUrl, { patients, seed })` from a benchmark script.
 */
const SITES = 12;
const BATCH_PATIENTS = 500;
const TODAY = "2026-11-25"; // fixed, so the same seed gives the same trial on any day

export interface GeneratedTrialSummary {
  patients: number;
  records: number;
  auditEvents: number;
  /** Generated forms their own schema or context checks refused (left out; should be 0). */
  rejected: number;
  seconds: number;
}

export async function generateTrial(
  databaseUrl: string,
  options: { patients: number; seed?: number },
): Promise<GeneratedTrialSummary> {
  const started = performance.now();
  await applyMigrations(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const random = createRandom(options.seed ?? 2026);
  let records = 0;
  let rejected = 0;
  try {
    const userId = uuid(random);
    await pool.query(
      `INSERT INTO users (id, email, name, password_hash, active, updated_at) VALUES ($1, $2, 'Synthetic data loader', '!', false, now())`,
      [userId, `generator-${userId.slice(0, 8)}@synthetic.test`],
    );
    const sites: { id: string; code: string }[] = [];
    for (let s = 1; s <= SITES; s++) {
      const site = {
        id: uuid(random),
        code: `S${uuid(random).slice(0, 3).toUpperCase()}${String(s).padStart(2, "0")}`.slice(0, 8),
      };
      await pool.query(
        `INSERT INTO sites (id, code, name, city, country, target_enrollment) VALUES ($1, $2, $3, 'Synthetic', 'Synthetic', $4)`,
        [site.id, site.code, `Synthetic site ${s}`, Math.ceil(options.patients / SITES)],
      );
      sites.push(site);
    }
    const counters = new Map<string, number>();
    for (let first = 0; first < options.patients; first += BATCH_PATIENTS) {
      const patients: unknown[][] = [[], [], [], [], [], []];
      const rows: unknown[][] = [[], [], [], [], [], [], [], []];
      const audits: unknown[][] = [[], [], [], [], [], []];
      for (let i = first; i < Math.min(options.patients, first + BATCH_PATIENTS); i++) {
        const site = sites[i % SITES]!;
        const number = (counters.get(site.id) ?? 0) + 1;
        counters.set(site.id, number);
        const generated = generatePatient(random, TODAY);
        const patientId = uuid(random);
        for (const [column, value] of [
          patientId,
          site.id,
          `${site.code}-${String(number).padStart(6, "0")}`.slice(0, 16),
          generated.screeningDate,
          generated.enrollmentDate,
          generated.status,
        ].entries())
          patients[column]!.push(value);
        for (const record of generated.records) {
          const id = uuid(random);
          for (const [column, value] of [
            id,
            patientId,
            site.id,
            record.formType,
            record.visitKey,
            JSON.stringify(record.data),
            JSON.stringify(record.computed),
            userId,
          ].entries())
            rows[column]!.push(value);
          for (const [column, value] of [
            id,
            `form:${record.formType}`,
            site.id,
            patientId,
            JSON.stringify(diffFormData(null, record.data)),
            userId,
          ].entries())
            audits[column]!.push(value);
        }
        records += generated.records.length;
        rejected += generated.rejected;
      }
      await inPoolTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO patients (id, site_id, subject_id, status, screening_date, enrollment_date, updated_at)
           SELECT id, site_id, subject_id, status::"PatientStatus", screening_date, enrollment_date, now()
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::date[], $6::text[]) AS t(id, site_id, subject_id, screening_date, enrollment_date, status)`,
          patients,
        );
        await client.query(
          `INSERT INTO crf_records (id, patient_id, site_id, form_type, visit_key, data, computed, status, created_by_id, updated_by_id, updated_at)
           SELECT id, patient_id, site_id, form_type, visit_key, data::jsonb, computed::jsonb, 'COMPLETE', created_by, created_by, now()
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[])
             AS t(id, patient_id, site_id, form_type, visit_key, data, computed, created_by)`,
          rows,
        );
        await client.query(
          `INSERT INTO audit_events (actor_id, actor_email, action, entity_type, entity_id, site_id, patient_id, changes, reason)
           SELECT actor, 'synthetic-data-loader', 'CREATE', entity_type, entity_id, site_id, patient_id, changes::jsonb, 'Synthetic trial for benchmarks'
           FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[]) AS t(entity_id, entity_type, site_id, patient_id, changes, actor)`,
          audits,
        );
      });
    }
    await pool.query("ANALYZE");
  } finally {
    await pool.end();
  }
  return {
    patients: options.patients,
    records,
    auditEvents: records,
    rejected,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A version-4-shaped UUID from the seeded generator (randomUUID would differ on every run). */
function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

async function main(): Promise<void> {
  const patients = Number(process.argv[2] ?? 1000);
  if (!Number.isInteger(patients) || patients < 1)
    throw new Error("Usage: npm run bench:generate -- <patients> (e.g. 1000, 10000, 100000)");
  let url = process.env.GENERATE_DATABASE_URL;
  const server = url
    ? null
    : await startEmbeddedPostgres({
        dataDir: path.join(".data", "bench-trial-postgres"),
        port: Number(process.env.GENERATE_DB_PORT ?? 54409),
      });
  try {
    if (server) {
      const name = `trial_${patients}`;
      const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      await server.ensureDatabase(name);
      url = server.urlFor(name);
    }
    const summary = await generateTrial(url!, { patients });
    console.log(
      `generated ${summary.patients} patients, ${summary.records} form records and ${summary.auditEvents} audit events in ${summary.seconds.toFixed(1)} s ` +
        `(${Math.round(summary.records / summary.seconds)} records/s, ${summary.rejected} generated forms refused by their own checks)${server ? ` into database ${new URL(url!).pathname.slice(1)} on port ${server.port}` : ""}`,
    );
  } finally {
    await server?.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
