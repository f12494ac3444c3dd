import http from "node:http";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { machineLoad, READER_PASSWORD } from "./generated-trial-db";
import { httpRequest } from "./load-loop";
import { treeCpuMs } from "./process-memory";
import { signInOverHttp } from "./sign-in";

/**
 * The first request after one save (issue 14, issue 16): the pages keep results per data
 * version, so what people see during a working day is the request right after someone saved.
 * Before each timed request one change is written as a save writes it: a form's status changes
 * (the schedule-facts trigger recomputes that patient in the same transaction) and its audit row
 * is inserted, which gives every page a new data version. Each (reader, page) is timed
 * AFTER_SAVE_REPEATS times; the median, the slowest and the next-server CPU per request print.
 */
const AFTER_SAVE_REPEATS = Number(process.env.BENCH_AFTER_SAVE_REPEATS ?? 3);
const INVESTIGATOR_EMAIL = "investigator@bench.test";

export const AFTER_SAVE_TARGETS: readonly { reader: "pi" | "coordinator" | "investigator"; path: string }[] = [
  { reader: "pi", path: "/" },
  { reader: "coordinator", path: "/" },
  { reader: "investigator", path: "/" },
  { reader: "pi", path: "/patients/grid" },
  { reader: "coordinator", path: "/patients/grid?state=overdue" },
  { reader: "pi", path: "/dashboards/data-quality" },
  { reader: "coordinator", path: "/dashboards/data-quality" },
];

/** One page timed for one reader on a trial of `size` patients, with the machine's load average beside it. */
export interface PageTiming {
  size: number;
  reader: string;
  path: string;
  status: number;
  bytes: number;
  median: number;
  /** next-server CPU per timed request (PostgreSQL's own work not included). */
  cpuMs: number;
  load: string;
}

export interface AfterSaveTiming extends PageTiming {
  max: number;
}

/** An investigator at the trial's first site (the generated trial has only trial-wide readers). */
async function ensureInvestigator(client: pg.Client): Promise<void> {
  const exists = await client.query(`SELECT 1 FROM users WHERE email = $1`, [INVESTIGATOR_EMAIL]);
  if (exists.rowCount) return;
  const hash = await hashPassword(READER_PASSWORD, { N: 2 ** 12, r: 8, p: 1 });
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO users (id, email, name, password_hash, updated_at) VALUES (gen_random_uuid(), $1, $1, $2, now()) RETURNING id`,
    [INVESTIGATOR_EMAIL, hash],
  );
  await client.query(
    `INSERT INTO role_assignments (id, user_id, role, site_id)
     VALUES (gen_random_uuid(), $1, 'INVESTIGATOR', (SELECT id FROM sites ORDER BY code LIMIT 1))`,
    [rows[0]!.id],
  );
}

/** One change as a save makes it: a form's row and its audit event, in one transaction. */
async function writeOneChange(client: pg.Client, iteration: number): Promise<void> {
  await client.query("BEGIN");
  const { rows } = await client.query<{ id: string; patient_id: string; site_id: string; status: string }>(
    `SELECT id, patient_id, site_id, status::text FROM crf_records WHERE form_type = 'labs' AND deleted_at IS NULL AND signed_at IS NULL
     ORDER BY id OFFSET $1 LIMIT 1`,
    [iteration],
  );
  const record = rows[0]!;
  const status = record.status === "COMPLETE" ? "IN_PROGRESS" : "COMPLETE";
  await client.query(`UPDATE crf_records SET status = $2::"FormStatus", version = version + 1 WHERE id = $1`, [
    record.id,
    status,
  ]);
  await client.query(
    `INSERT INTO audit_events (actor_email, action, entity_type, entity_id, site_id, patient_id, changes, reason)
     VALUES ('bench@bench.test', 'UPDATE', 'form:labs', $1, $2, $3, '[]'::jsonb, 'bench: first request after a save')`,
    [record.id, record.site_id, record.patient_id],
  );
  await client.query("COMMIT");
}

export async function measureFirstAfterSave(
  app: { baseUrl: string; child: { pid?: number } },
  databaseUrl: string,
  size: number,
  readers: Record<string, { email: string }>,
): Promise<AfterSaveTiming[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const timings: AfterSaveTiming[] = [];
  try {
    await ensureInvestigator(client);
    const emails: Record<string, string> = {
      ...Object.fromEntries(Object.entries(readers).map(([name, r]) => [name, r.email])),
      investigator: INVESTIGATOR_EMAIL,
    };
    const cookies = new Map<string, string>();
    let iteration = 0;
    for (const { reader, path } of AFTER_SAVE_TARGETS) {
      if (!cookies.has(reader))
        cookies.set(reader, await signInOverHttp(app.baseUrl, emails[reader]!, READER_PASSWORD));
      const times: number[] = [];
      let cpu = 0;
      let last = { status: 0, body: "" };
      // One untimed request first: the route's code is loaded, as on a server that has been running.
      await httpRequest(agent, `${app.baseUrl}${path}`, { headers: { Cookie: cookies.get(reader)! } });
      for (let i = 0; i < AFTER_SAVE_REPEATS; i++) {
        await writeOneChange(client, iteration++);
        const cpuBefore = treeCpuMs(app.child.pid!);
        const t0 = performance.now();
        last = await httpRequest(agent, `${app.baseUrl}${path}`, { headers: { Cookie: cookies.get(reader)! } });
        times.push(performance.now() - t0);
        cpu += treeCpuMs(app.child.pid!) - cpuBefore;
      }
      times.sort((a, b) => a - b);
      const timing: AfterSaveTiming = {
        size,
        reader,
        path,
        status: last.status,
        bytes: Buffer.byteLength(last.body),
        median: times[Math.floor(times.length / 2)]!,
        max: times.at(-1)!,
        cpuMs: cpu / AFTER_SAVE_REPEATS,
        load: machineLoad(),
      };
      timings.push(timing);
      console.log(
        `${String(size).padStart(6)} patients  after one save  ${reader.padEnd(12)} ${path.padEnd(32)} HTTP ${timing.status}  median ${timing.median.toFixed(0).padStart(6)} ms  max ${timing.max.toFixed(0).padStart(6)} ms  server CPU ${timing.cpuMs.toFixed(0).padStart(5)} ms  ${(timing.bytes / 1024).toFixed(0).padStart(5)} KiB  (${timing.load})`,
      );
    }
  } finally {
    agent.destroy();
    await client.end();
  }
  return timings;
}
