import type http from "node:http";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { addDays } from "@/lib/domain/schedule/visit-schedule";
import { buildAdverseEvent } from "./form-payloads";
import { httpRequest } from "./load-loop";
import { treeCpuMs } from "./process-memory";
import { createRandom } from "./random";
import { signInOverHttp } from "./sign-in";

/**
 * Issue 14, item 5: the first request after one save. Dashboards keep their results per data
 * version, so in a running trial (saves all day) the request people see is the one right after
 * a save. For each target: one request to warm it, then SAVES times an investigator saves an
 * adverse event over the API (a new data version) and the target is requested once, timed.
 */
export const TOXICITY_AFTER_SAVE_TARGETS = ["/dashboards/toxicity", "/api/v1/analysis/toxicity"];
const SAVES = Number(process.env.BENCH_AFTER_SAVE_REPEATS ?? 5);
const SAVER = { email: "saver@bench.test", password: "bench-saver-2026" };

export interface AfterSaveTiming {
  path: string;
  status: number;
  /** Wall time of each first request after a save, ms. */
  times: number[];
  median: number;
  /** next-server CPU per first request (the save's own CPU not included). */
  cpuMs: number;
}

interface Saver {
  cookie: string;
  patientId: string;
  onsetDate: string;
}

/** An investigator at the site of an on-treatment patient enrolled at least two weeks ago. */
async function prepareSaver(databaseUrl: string, baseUrl: string): Promise<Saver> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; site_id: string; enrolled: string }>(
      `SELECT id, site_id, to_char(enrollment_date, 'YYYY-MM-DD') AS enrolled FROM patients
       WHERE status = 'ON_TREATMENT' AND enrollment_date <= current_date - 14 AND deleted_at IS NULL
       ORDER BY subject_id LIMIT 1`,
    );
    const patient = rows[0];
    if (!patient) throw new Error("No on-treatment patient to save an adverse event for");
    const hash = await hashPassword(SAVER.password, { N: 2 ** 12, r: 8, p: 1 });
    const { rows: users } = await client.query<{ id: string }>(
      `INSERT INTO users (id, email, name, password_hash, updated_at) VALUES (gen_random_uuid(), $1, $1, $2, now())
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash RETURNING id`,
      [SAVER.email, hash],
    );
    await client.query(`DELETE FROM role_assignments WHERE user_id = $1`, [users[0]!.id]);
    await client.query(
      `INSERT INTO role_assignments (id, user_id, role, site_id) VALUES (gen_random_uuid(), $1, 'INVESTIGATOR', $2)`,
      [users[0]!.id, patient.site_id],
    );
    return {
      cookie: await signInOverHttp(baseUrl, SAVER.email, SAVER.password),
      patientId: patient.id,
      onsetDate: addDays(patient.enrolled, 7),
    };
  } finally {
    await client.end();
  }
}

export async function measureToxicityAfterSave(options: {
  agent: http.Agent;
  baseUrl: string;
  databaseUrl: string;
  readerCookie: string;
  serverPid: number;
}): Promise<AfterSaveTiming[]> {
  const { agent, baseUrl, readerCookie, serverPid } = options;
  const saver = await prepareSaver(options.databaseUrl, baseUrl);
  const random = createRandom(14);
  const timings: AfterSaveTiming[] = [];
  for (const path of TOXICITY_AFTER_SAVE_TARGETS) {
    await httpRequest(agent, `${baseUrl}${path}`, { headers: { Cookie: readerCookie } });
    const times: number[] = [];
    let cpu = 0;
    let status = 0;
    for (let i = 0; i < SAVES; i++) {
      const save = await httpRequest(agent, `${baseUrl}/api/v1/patients/${saver.patientId}/forms/adverse-event`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: saver.cookie },
        body: JSON.stringify({ visitKey: null, data: buildAdverseEvent(random, saver.onsetDate) }),
      });
      if (save.status !== 201) throw new Error(`adverse-event save ${save.status}: ${save.body.slice(0, 300)}`);
      const cpuBefore = treeCpuMs(serverPid);
      const t0 = performance.now();
      const answer = await httpRequest(agent, `${baseUrl}${path}`, { headers: { Cookie: readerCookie } });
      times.push(performance.now() - t0);
      cpu += treeCpuMs(serverPid) - cpuBefore;
      status = answer.status;
    }
    const sorted = [...times].sort((a, b) => a - b);
    timings.push({ path, status, times, median: sorted[Math.floor(sorted.length / 2)]!, cpuMs: cpu / SAVES });
  }
  return timings;
}
