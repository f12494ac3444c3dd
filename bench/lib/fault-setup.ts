import { writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
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

/** A fault script's ports: FAULT_APP_PORT and FAULT_DB_PORT when set, else the script's own (so scripts can run side by side). */
export function faultPorts(appPort: number, dbPort: number): Pick<FaultRigOptions, "appPort" | "dbPort"> {
  return {
    appPort: Number(process.env.FAULT_APP_PORT ?? appPort),
    dbPort: Number(process.env.FAULT_DB_PORT ?? dbPort),
  };
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

/**
 * The fault scripts' common verdict on the saves a client saw acknowledged: each is in
 * crf_records with its CREATE audit event, nothing is half-written, and no request answered 500.
 */
export async function checkAcknowledgedSaves(
  pool: pg.Pool,
  ids: readonly string[],
  beforeKill: number,
  outcomes: Record<string, number>,
): Promise<boolean[]> {
  const { rows } = await pool.query<{ found: string; audited: string }>(
    `SELECT (SELECT count(*) FROM crf_records WHERE id = ANY($1::uuid[])) AS found,
            (SELECT count(DISTINCT entity_id) FROM audit_events WHERE action = 'CREATE' AND entity_id = ANY($2::text[])) AS audited`,
    [ids, ids],
  );
  const halfWritten = await findHalfWritten(pool);
  console.log(
    `acknowledged saves: ${ids.length} (${beforeKill} before the kill); in crf_records: ${rows[0]!.found}; with their CREATE audit event: ${rows[0]!.audited}`,
  );
  return [
    check(
      "saves were acknowledged before and after the crash",
      beforeKill > 0 && ids.length > beforeKill,
      `${beforeKill} before, ${ids.length - beforeKill} after`,
    ),
    check(
      "every acknowledged save is in crf_records",
      Number(rows[0]!.found) === ids.length,
      `${rows[0]!.found}/${ids.length}`,
    ),
    check(
      "every acknowledged save has its CREATE audit event",
      Number(rows[0]!.audited) === ids.length,
      `${rows[0]!.audited}/${ids.length}`,
    ),
    checkNothingHalfWritten(halfWritten),
    check("no 500 answered", !outcomes["500"], JSON.stringify(outcomes)),
  ];
}

export function checkNothingHalfWritten(halfWritten: Awaited<ReturnType<typeof findHalfWritten>>): boolean {
  return check(
    "no record without audit, no audit without record",
    halfWritten.recordsWithoutAudit === 0 && halfWritten.auditsWithoutRecord === 0,
    JSON.stringify(halfWritten),
  );
}

/** Keeps the app server's output beside the other run data, named after the script that ran. */
export async function writeServerLog(rig: FaultRig, scriptFile: string): Promise<void> {
  const log = path.join(".data", `${path.basename(scriptFile, ".ts")}.log`);
  await writeFile(log, rig.output.join(""));
  console.log(`server output: ${log}`);
}

/** Runs a fault script's main and exits with its code (1 on a thrown error). */
export function runFaultScript(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/**
 * Each signed-in user saves adverse events in a loop until stopped: what the client saw
 * acknowledged (record ids) and every outcome by HTTP status or socket error code. After a
 * failure a user pauses (`pauseMs`) so that a dead server is not hammered.
 */
export function startSavingLoop(
  rig: FaultRig,
  users: number,
  pause: { afterRefusalMs?: number; afterErrorMs: number },
) {
  const acknowledged = new Set<string>();
  const outcomes: Record<string, number> = {};
  let running = true;
  const workers = Array.from({ length: users }, async (_, worker) => {
    while (running) {
      try {
        const answer = await rig.saveAdverseEvent(worker);
        outcomes[answer.status] = (outcomes[answer.status] ?? 0) + 1;
        if (answer.recordId) acknowledged.add(answer.recordId);
        if (answer.status !== 201 && pause.afterRefusalMs)
          await new Promise((r) => setTimeout(r, pause.afterRefusalMs));
      } catch (error) {
        const code = (error as { code?: string }).code ?? "error";
        outcomes[code] = (outcomes[code] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, pause.afterErrorMs));
      }
    }
  });
  return {
    acknowledged,
    outcomes,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

/**
 * A fault under concurrent saving, the frame of crash-during-writes and database-crash: the rig's
 * users save adverse events; after 4 s `fault` strikes (with the count acknowledged so far), the
 * saving goes on 4 s more and stops; then the fault's own checks (the function it returned) and
 * the common verdict on the acknowledged saves. Exit code 0 when every check passes. The loop is
 * stopped and the rig closed whatever happens.
 */
export async function runFaultUnderSaving(
  options: FaultRigOptions & { pause: Parameters<typeof startSavingLoop>[2]; scriptFile: string },
  fault: (rig: FaultRig, acknowledgedBefore: number) => Promise<() => boolean[]>,
): Promise<number> {
  const rig = await startFaultRig(options);
  const saving = startSavingLoop(rig, options.users, options.pause);
  const { acknowledged, outcomes } = saving;
  try {
    await new Promise((r) => setTimeout(r, 4_000));
    const beforeFault = acknowledged.size;
    const checksOfFault = await fault(rig, beforeFault);
    await new Promise((r) => setTimeout(r, 4_000));
    await saving.stop();
    console.log(`outcomes: ${JSON.stringify(outcomes)}`);

    const results = [
      ...checksOfFault(),
      ...(await checkAcknowledgedSaves(rig.pool, [...acknowledged], beforeFault, outcomes)),
    ];
    await writeServerLog(rig, options.scriptFile);
    return results.every(Boolean) ? 0 : 1;
  } finally {
    // Stops the loop without waiting for requests to a server that may be gone.
    void saving.stop();
    await rig.close();
  }
}
