import { randomUUID } from "node:crypto";
import type pg from "pg";
import { hashPassword } from "@/lib/auth/password";

/**
 * Sites, investigators and enrolled patients written straight into the tables, the way a
 * migrated trial would hold them. Bench users get a cheaper scrypt cost (stored in the hash,
 * so the real verifyPassword reads it): sign-ins happen before timing starts, and the
 * production cost (N=2^17, ~0.3 s and 128 MiB each) would only make 200 sign-ins slow.
 */
export const BENCH_PASSWORD = "bench-password-2026";

export interface BenchSite {
  id: string;
  code: string;
}

export interface BenchInvestigator {
  id: string;
  email: string;
  siteId: string;
  patientIds: string[];
}

export async function createBenchSites(pool: pg.Pool, count: number): Promise<BenchSite[]> {
  const sites: BenchSite[] = [];
  for (let i = 1; i <= count; i++) {
    const code = `B${String(i).padStart(3, "0")}`;
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO sites (id, code, name, city, country, target_enrollment, next_subject_number)
       VALUES ($1, $2, $3, 'Bench City', 'Benchland', 1000, 1)
       ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
      [randomUUID(), code, `Bench site ${code}`],
    );
    sites.push({ id: rows[0]!.id, code });
  }
  return sites;
}

/** `count` investigators spread over the sites, each with `patientsEach` enrolled patients of their site. */
export async function createBenchInvestigators(
  pool: pg.Pool,
  sites: BenchSite[],
  count: number,
  options: { patientsEach: number; prefix?: string },
): Promise<BenchInvestigator[]> {
  const hash = await hashPassword(BENCH_PASSWORD, { N: 2 ** 12, r: 8, p: 1 });
  const prefix = options.prefix ?? "bench";
  const investigators: BenchInvestigator[] = [];
  for (let i = 0; i < count; i++) {
    const site = sites[i % sites.length]!;
    const id = randomUUID();
    const email = `${prefix}-investigator-${i}@bench.test`;
    await pool.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, $3, $4, now())`, [
      id,
      email,
      `Bench investigator ${i}`,
      hash,
    ]);
    await pool.query(`INSERT INTO role_assignments (id, user_id, role, site_id) VALUES ($1, $2, 'INVESTIGATOR', $3)`, [
      randomUUID(),
      id,
      site.id,
    ]);
    const patientIds: string[] = [];
    for (let p = 0; p < options.patientsEach; p++) {
      const { rows } = await pool.query<{ id: string }>(
        `WITH n AS (UPDATE sites SET next_subject_number = next_subject_number + 1 WHERE id = $2 RETURNING code, next_subject_number - 1 AS number)
         INSERT INTO patients (id, site_id, subject_id, status, screening_date, enrollment_date, updated_at)
         SELECT $1, $2, n.code || '-' || lpad(n.number::text, 5, '0'), 'ON_TREATMENT', DATE '2026-01-05', DATE '2026-01-12', now() FROM n
         RETURNING id`,
        [randomUUID(), site.id],
      );
      patientIds.push(rows[0]!.id);
    }
    investigators.push({ id, email, siteId: site.id, patientIds });
  }
  return investigators;
}
