import http from "node:http";
import pg from "pg";
import { addDays } from "@/lib/domain/schedule/visit-schedule";
import {
  ensureProductionBuild,
  newAuthSecret,
  startApp,
  startBenchDatabase,
  type AppProcess,
  type BenchDatabase,
} from "./app-server";
import { BENCH_PASSWORD, createBenchInvestigators, createBenchSites, type BenchInvestigator } from "./bench-users";
import { buildAdverseEvent } from "./form-payloads";
import { httpRequest } from "./load-loop";
import { createRandom } from "./random";
import { signInOverHttp } from "./sign-in";

/** A production build on a fresh embedded database with signed-in investigators, for fault scripts. */
export interface FaultRig {
  db: BenchDatabase;
  dbPort: number;
  pool: pg.Pool;
  app: AppProcess;
  secret: string;
  investigators: BenchInvestigator[];
  cookies: string[];
  agent: http.Agent;
  output: string[];
  restartApp(): Promise<void>;
  saveAdverseEvent(worker: number): Promise<{ status: number; body: string; recordId: string | null }>;
  close(): Promise<void>;
}

export interface FaultRigOptions {
  appPort: number;
  dbPort: number;
  users: number;
  /** Supervise the database as `npm start` does; each supervisor line goes here. */
  superviseDatabase?: (line: string) => void;
}

export async function startFaultRig(options: FaultRigOptions): Promise<FaultRig> {
  await ensureProductionBuild();
  const db = await startBenchDatabase(
    options.dbPort,
    options.superviseDatabase ? { supervise: { report: options.superviseDatabase } } : {},
  );
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  pool.on("error", () => {});
  const sites = await createBenchSites(pool, 2);
  const investigators = await createBenchInvestigators(pool, sites, options.users, { patientsEach: 1 });
  const secret = newAuthSecret();
  const output: string[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.users });
  const rig: FaultRig = {
    db,
    dbPort: options.dbPort,
    pool,
    app: await startApp({ port: options.appPort, databaseUrl: db.url, secret, output }),
    secret,
    investigators,
    cookies: [],
    agent,
    output,
    async restartApp() {
      rig.app = await startApp({ port: options.appPort, databaseUrl: db.url, secret, output });
    },
    async saveAdverseEvent(worker) {
      const investigator = investigators[worker]!;
      const data = buildAdverseEvent(random, addDays("2026-01-12", random.int(0, 300)));
      const answer = await httpRequest(
        agent,
        `${rig.app.baseUrl}/api/v1/patients/${investigator.patientIds[0]}/forms/adverse-event`,
        {
          method: "POST",
          headers: { "Content-Type": "application/json", Cookie: rig.cookies[worker]! },
          body: JSON.stringify({ data }),
        },
      );
      let recordId: string | null = null;
      if (answer.status === 201) recordId = (JSON.parse(answer.body) as { data: { id: string } }).data.id;
      return { ...answer, recordId };
    },
    async close() {
      agent.destroy();
      await rig.app.stop();
      await pool.end();
      await db.server.stop().catch(() => {});
    },
  };
  const random = createRandom(7);
  for (const investigator of investigators)
    rig.cookies.push(await signInOverHttp(rig.app.baseUrl, investigator.email, BENCH_PASSWORD));
  return rig;
}

/** Form records without their CREATE audit event, and form audit events without their record. */
export async function findHalfWritten(
  pool: pg.Pool,
): Promise<{ recordsWithoutAudit: number; auditsWithoutRecord: number }> {
  const { rows } = await pool.query<{ a: string; b: string }>(`
    SELECT (SELECT count(*) FROM crf_records r WHERE NOT EXISTS
              (SELECT 1 FROM audit_events e WHERE e.entity_id = r.id::text AND e.action = 'CREATE' AND e.entity_type = 'form:' || r.form_type)) AS a,
           (SELECT count(*) FROM audit_events e WHERE e.entity_type LIKE 'form:%' AND NOT EXISTS
              (SELECT 1 FROM crf_records r WHERE r.id::text = e.entity_id)) AS b`);
  return { recordsWithoutAudit: Number(rows[0]!.a), auditsWithoutRecord: Number(rows[0]!.b) };
}

export function check(label: string, ok: boolean, detail = ""): boolean {
  console.log(`${ok ? "PASS" : "FAIL"}  ${label}${detail ? `: ${detail}` : ""}`);
  return ok;
}
