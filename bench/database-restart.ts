import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { httpRequest } from "./lib/load-loop";
import {
  check,
  checkNothingHalfWritten,
  faultPorts,
  findHalfWritten,
  runFaultScript,
  startFaultRig,
  writeServerLog,
} from "./lib/fault-setup";

/**
 * Resilience 2 (issue 8): PostgreSQL is stopped and started again under load. While it is
 * down the app must answer with clean JSON errors (503, no stack trace) and /api/health
 * must say so; afterwards it must recover by itself, without a restart of the app.
 *
 *   npm run fault:db-restart       (exit code 0 when every check passes)
 */
const USERS = 10;
const STACK = /\bat [\w$.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+/;

async function main(): Promise<number> {
  const ports = faultPorts(3208, 54408);
  const dbPort = ports.dbPort;
  const rig = await startFaultRig({ ...ports, users: USERS });
  const phase = { name: "up-before" as "up-before" | "down" | "up-after" };
  // A save counts in the phase it started and ended in; one that started before the stop and
  // was answered after it was in flight when the server went away (its 503 is expected).
  const answers: Record<string, { status: number; body: string }[]> = {
    "up-before": [],
    "in flight at the stop": [],
    down: [],
    "up-after": [],
  };
  let running = true;
  const workers = Array.from({ length: USERS }, async (_, worker) => {
    while (running) {
      const current = phase.name;
      let answer: { status: number; body: string };
      try {
        answer = await rig.saveAdverseEvent(worker);
      } catch (error) {
        answer = { status: 0, body: String((error as Error).message) };
      }
      answers[current === "up-before" && phase.name !== "up-before" ? "in flight at the stop" : current]!.push(answer);
      if (current === "down") await new Promise((r) => setTimeout(r, 100));
    }
  });
  let restarted: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  try {
    await new Promise((r) => setTimeout(r, 3_000));
    phase.name = "down";
    await rig.db.server.stop();
    console.log("PostgreSQL stopped");
    await new Promise((r) => setTimeout(r, 2_000));
    const healthDown = await httpRequest(rig.agent, `${rig.app.baseUrl}/api/health`);
    const pingDown = await httpRequest(rig.agent, `${rig.app.baseUrl}/api/ping`);
    await new Promise((r) => setTimeout(r, 2_000));
    restarted = await startEmbeddedPostgres({ dataDir: path.join(".data", `bench-postgres-${dbPort}`), port: dbPort });
    console.log("PostgreSQL started again (the app was not restarted)");
    // The requests in flight when the server came back still belong to the outage.
    await new Promise((r) => setTimeout(r, 1_000));
    phase.name = "up-after";
    const recoveredAt = Date.now();
    let healthUp = await httpRequest(rig.agent, `${rig.app.baseUrl}/api/health`);
    while (healthUp.status !== 200 && Date.now() - recoveredAt < 15_000) {
      await new Promise((r) => setTimeout(r, 200));
      healthUp = await httpRequest(rig.agent, `${rig.app.baseUrl}/api/health`);
    }
    await new Promise((r) => setTimeout(r, 3_000));
    running = false;
    await Promise.all(workers);

    const summarize = (list: { status: number }[]) =>
      JSON.stringify(
        list.reduce<Record<number, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {}),
      );
    for (const name of Object.keys(answers)) console.log(`${name}: ${summarize(answers[name]!)}`);
    const down = answers.down!.filter((a) => a.status !== 201 && a.status !== 0);
    const cleanJson = down.every((a) => {
      try {
        const body = JSON.parse(a.body) as { error?: unknown };
        return typeof body.error === "string" && !STACK.test(a.body);
      } catch {
        return false;
      }
    });
    const results = [
      check(
        "saves succeed before the outage",
        answers["up-before"]!.some((a) => a.status === 201),
      ),
      check(
        "while down, saves are answered 503",
        down.length > 0 && down.every((a) => a.status === 503),
        summarize(answers.down!),
      ),
      check("while down, every error is JSON with a message and no stack trace", cleanJson, down[0]?.body ?? ""),
      check(
        "while down, /api/health reports 503 with database.ok false",
        healthDown.status === 503 &&
          (JSON.parse(healthDown.body) as { database: { ok: boolean } }).database.ok === false,
        healthDown.body,
      ),
      check("while down, /api/ping (no database) still answers 200", pingDown.status === 200),
      check(
        "after restart, /api/health is 200 again without restarting the app",
        healthUp.status === 200,
        `${Date.now() - recoveredAt} ms`,
      ),
      check(
        "after restart, saves succeed again",
        answers["up-after"]!.filter((a) => a.status === 201).length > 0,
        summarize(answers["up-after"]!),
      ),
      check(
        "no 500 in any phase",
        Object.values(answers).every((list) => list.every((a) => a.status !== 500)),
      ),
    ];
    results.push(checkNothingHalfWritten(await findHalfWritten(rig.pool)));
    await writeServerLog(rig, import.meta.filename);
    return results.every(Boolean) ? 0 : 1;
  } finally {
    running = false;
    if (restarted) rig.db.server = restarted;
    await rig.close();
  }
}

runFaultScript(main);
