import http from "node:http";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { diffFormData } from "@/lib/forms/flatten";
import { getFormDefinition } from "@/lib/forms/registry";
import { addDays } from "@/lib/domain/schedule/visit-schedule";
import { ensureProductionBuild, newAuthSecret, postmasterPid, startApp, startBenchDatabase } from "./lib/app-server";
import { BENCH_PASSWORD, createBenchInvestigators, createBenchSites, type BenchInvestigator } from "./lib/bench-users";
import { buildAdverseEvent, buildLabs } from "./lib/form-payloads";
import { formatLoad, httpRequest, runLoad, type LoadResult, type LoadTask } from "./lib/load-loop";
import { treeCpuMs } from "./lib/process-memory";
import { inPoolTransaction } from "./lib/pool-transaction";
import { createRandom } from "./lib/random";
import { formatProfile, monotonicMicros, readProfile, summarizeProfile, type ProfileWindow } from "./lib/cpu-profile";
import { signInOverHttp } from "./lib/sign-in";

/**
 * Form save under load (issue 8, benchmark 1). N signed-in investigators save adverse-event
 * and lab forms through the real HTTP path of a production build (session cookie -> actor,
 * validation, cross-form rules, computed values, record + audit in one transaction), and in
 * the same run the two ceilings: the same rows inserted with plain `pg` (the database's
 * limit) and a route that touches no database (the framework's limit).
 *
 *   npm run bench:save                      # 10, 50, 200 users, 10 s each
 *   BENCH_USERS=50 BENCH_SECONDS=20 npm run bench:save
 *   BENCH_PROFILE=1 BENCH_USERS=50 npm run bench:save   # + where the server's CPU per save goes
 */
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3206);
const DB_PORT = Number(process.env.BENCH_DB_PORT ?? 54406);
const LEVELS = (process.env.BENCH_USERS ?? "10,50,200").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PATIENTS_EACH = 4;
const ENROLLMENT = "2026-01-12";
const TODAY = new Date().toISOString().slice(0, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);

async function main(): Promise<void> {
  console.log(
    `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  await ensureProductionBuild();
  const db = await startBenchDatabase(DB_PORT);
  // Below the embedded server's max_connections (200) together with the app's pool.
  const pool = new pg.Pool({ connectionString: db.url, max: Math.min(Math.max(...LEVELS), 150) });
  pool.on("error", () => {}); // idle clients see the server stop at the end
  const output: string[] = [];
  const profileDir =
    process.env.BENCH_PROFILE === "1" ? mkdtempSync(path.join(os.tmpdir(), "bench-save-profile-")) : null;
  let profiled: { window: ProfileWindow; requests: number } | null = null;
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  try {
    const sites = await createBenchSites(pool, 3);
    const investigators = await createBenchInvestigators(pool, sites, Math.max(...LEVELS), {
      patientsEach: PATIENTS_EACH,
    });
    // BENCH_PROFILE=1: the server runs under `node --cpu-prof`; the profile (written on exit) is
    // summarized for the last save phase only. BENCH_APP_NODE_ARGS passes other node flags.
    const nodeArgs = process.env.BENCH_APP_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
    if (profileDir) nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${profileDir}`);
    app = await startApp({ port: APP_PORT, databaseUrl: db.url, secret: newAuthSecret(), output, nodeArgs });

    const signInStarted = performance.now();
    const cookies = await signInAll(app.baseUrl, investigators);
    console.log(
      `signed in ${cookies.length} investigators through /api/auth/callback/credentials in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s (not timed below)`,
    );

    const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(...LEVELS) });
    const random = createRandom(42);
    const labCounter = new Map<string, number>();
    const nextPayload = (patientId: string, iteration: number) => {
      if (iteration % 3 !== 2)
        return {
          formType: "adverse-event",
          visitKey: null,
          data: buildAdverseEvent(random, addDays(ENROLLMENT, random.int(0, 300))),
        };
      const k = (labCounter.get(patientId) ?? 0) + 1;
      labCounter.set(patientId, k);
      // Labs are one per visit: every save is a new visit of the patient, dated after the
      // previous one as at a real site (a panel dated before earlier ones would recompute
      // their CTCAE grades, lib/data/recompute-dependents.ts, which is rare, not the common save).
      return {
        formType: "labs",
        visitKey: `week${4 * k}`,
        data: buildLabs(random, minDate(addDays(ENROLLMENT, k), TODAY)),
      };
    };

    // CPU time per request of each process (from /proc): unlike wall time, barely moved by
    // whatever else runs on the machine, so it shows where a save's cost goes.
    const serverPid = app.child.pid!;
    const databasePid = postmasterPid(db);
    const measured = async (label: string, users: number, task: LoadTask): Promise<LoadResult> => {
      const before = { server: treeCpuMs(serverPid), database: treeCpuMs(databasePid), bench: process.cpuUsage() };
      const result = await runLoad({ workers: users, seconds: SECONDS, task });
      const bench = process.cpuUsage(before.bench);
      const per = (ms: number) => (ms / Math.max(result.requests, 1)).toFixed(2).padStart(5);
      console.log(
        `${formatLoad(label, result)}  CPU per request: app ${per(treeCpuMs(serverPid) - before.server)} ms, PostgreSQL ${per(treeCpuMs(databasePid) - before.database)} ms, load generator ${per((bench.user + bench.system) / 1000)} ms`,
      );
      return result;
    };

    const summary: { users: number; trivial: LoadResult; save: LoadResult; direct: LoadResult }[] = [];
    for (const users of LEVELS) {
      // Warm the route handlers and the pool first (JIT, first compile of each route).
      await runLoad({
        workers: Math.min(users, 10),
        seconds: 1,
        task: () => httpRequest(agent, `${app!.baseUrl}/api/ping`).then((r) => r.status),
      });

      const trivial = await measured("trivial GET /api/ping", users, () =>
        httpRequest(agent, `${app!.baseUrl}/api/ping`).then((r) => r.status),
      );

      const fromMicros = monotonicMicros();
      const save = await measured("form save (HTTP)", users, async (worker, iteration) => {
        const investigator = investigators[worker]!;
        const patientId = investigator.patientIds[iteration % PATIENTS_EACH]!;
        const payload = nextPayload(patientId, iteration);
        const answer = await httpRequest(
          agent,
          `${app!.baseUrl}/api/v1/patients/${patientId}/forms/${payload.formType}`,
          {
            method: "POST",
            headers: { "Content-Type": "application/json", Cookie: cookies[worker]! },
            body: JSON.stringify({ visitKey: payload.visitKey, data: payload.data }),
          },
        );
        if (answer.status !== 201 && answer.status !== 200)
          throw new Error(`save ${answer.status}: ${answer.body.slice(0, 200)}`);
        return answer.status;
      });
      profiled = { window: { fromMicros, toMicros: monotonicMicros() }, requests: save.requests };

      const direct = await measured("same rows, plain pg", users, async (worker, iteration) => {
        const investigator = investigators[worker]!;
        const patientId = investigator.patientIds[iteration % PATIENTS_EACH]!;
        const payload = nextPayload(patientId, iteration);
        await insertDirect(pool, investigator, patientId, payload);
        return 201;
      });
      console.log(
        `ratios at ${users} users: save/trivial ${(save.throughput / trivial.throughput).toFixed(2)}, save/pg ${(save.throughput / direct.throughput).toFixed(2)}`,
      );
      summary.push({ users, trivial, save, direct });
    }

    const at50 = summary.find((s) => s.users === 50);
    if (at50)
      console.log(`save/trivial throughput ratio: ${(at50.save.throughput / at50.trivial.throughput).toFixed(2)}`);
    const { rows } = await pool.query<{ records: string; audits: string; orphans: string }>(
      `SELECT (SELECT count(*) FROM crf_records) AS records,
              (SELECT count(*) FROM audit_events WHERE entity_type LIKE 'form:%') AS audits,
              (SELECT count(*) FROM crf_records r WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_id = r.id::text)) AS orphans`,
    );
    console.log(
      `database after the run: ${rows[0]!.records} form records, ${rows[0]!.audits} form audit events, ${rows[0]!.orphans} records without audit`,
    );
    agent.destroy();
  } catch (error) {
    console.error(output.join("").slice(-4000));
    throw error;
  } finally {
    await app?.stop();
    await pool.end();
    await db.server.stop();
  }
  if (profileDir && profiled)
    for (const line of formatProfile(summarizeProfile(readProfile(profileDir), profiled.window), profiled.requests))
      console.log(line);
}

async function signInAll(baseUrl: string, investigators: BenchInvestigator[]): Promise<string[]> {
  const cookies: string[] = new Array<string>(investigators.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < investigators.length) {
        const index = next++;
        cookies[index] = await signInOverHttp(baseUrl, investigators[index]!.email, BENCH_PASSWORD);
      }
    }),
  );
  return cookies;
}

/**
 * A visit key of its own for the plain-pg rows (week 4k+1, which the app never files), so they
 * never collide with the app's rows yet pass the database's visit-key CHECK.
 */
function plainVisitKey(visitKey: string | null): string | null {
  return visitKey === null ? null : `week${Number(visitKey.replace(/^week/, "")) + 1}`;
}

/** What saveCrfRecord writes for a new form, as two plain INSERTs in one transaction. */
async function insertDirect(
  pool: pg.Pool,
  investigator: BenchInvestigator,
  patientId: string,
  payload: { formType: string; visitKey: string | null; data: unknown },
): Promise<void> {
  const definition = getFormDefinition(payload.formType)!;
  const computed =
    definition.compute?.(payload.data, { screeningDate: "2026-01-05", enrollmentDate: ENROLLMENT, records: [] }) ?? {};
  await inPoolTransaction(pool, async (client) => {
    const id = randomUUID();
    await client.query(
      `INSERT INTO crf_records (id, patient_id, site_id, form_type, visit_key, data, computed, status, created_by_id, updated_by_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'COMPLETE', $8, $8, now())`,
      [
        id,
        patientId,
        investigator.siteId,
        payload.formType,
        plainVisitKey(payload.visitKey),
        JSON.stringify(payload.data),
        JSON.stringify(computed),
        investigator.id,
      ],
    );
    await client.query(
      `INSERT INTO audit_events (actor_id, actor_email, action, entity_type, entity_id, site_id, patient_id, changes) VALUES ($1, $2, 'CREATE', $3, $4, $5, $6, $7)`,
      [
        investigator.id,
        investigator.email,
        `form:${payload.formType}`,
        id,
        investigator.siteId,
        patientId,
        JSON.stringify(diffFormData(null, payload.data)),
      ],
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
