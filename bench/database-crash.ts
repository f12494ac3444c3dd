import type { SupervisedPostgres } from "@/lib/db/supervised-postgres";
import { check, faultPorts, runFaultScript, runFaultUnderSaving } from "./lib/fault-setup";
import { httpRequest } from "./lib/load-loop";

/**
 * Resilience (issue 20): under concurrent saving, the embedded PostgreSQL's postmaster is
 * killed with SIGKILL, as the kernel's out-of-memory killer would. The supervisor that
 * `npm start` uses must start it again (crash recovery from the WAL) and the app, never
 * restarted, must answer /api/health 200 again by itself. Every acknowledged save must be
 * in the database with its audit record.
 *
 *   npm run fault:db-crash          (exit code 0 when every check passes)
 */
const USERS = 20;
const HEALTH_DEADLINE_MS = 60_000;

async function main(): Promise<number> {
  const started = Date.now();
  const supervisorLines: string[] = [];
  const options = {
    ...faultPorts(3209, 54409),
    users: USERS,
    pause: { afterRefusalMs: 100, afterErrorMs: 100 },
    scriptFile: import.meta.filename,
    superviseDatabase: (line: string) => {
      supervisorLines.push(line);
      console.log(`  [supervisor +${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
    },
  };
  return runFaultUnderSaving(options, async (rig, beforeKill) => {
    const server = rig.db.server as SupervisedPostgres;
    const appPid = rig.app.child.pid;
    const postmaster = server.pid;
    process.kill(postmaster, "SIGKILL");
    const killedAt = Date.now();
    console.log(`SIGKILL sent to the postmaster (pid ${postmaster}) after ${beforeKill} acknowledged saves`);

    let sawDown = false;
    let health = await httpRequest(rig.agent, `${rig.app.baseUrl}/api/health`);
    while (health.status !== 200 || !sawDown) {
      if (health.status !== 200) sawDown = true;
      // A health check answered before the kill landed may still say 200; wait for the 503 first.
      if (Date.now() - killedAt > HEALTH_DEADLINE_MS || (!sawDown && Date.now() - killedAt > 5_000)) break;
      await new Promise((r) => setTimeout(r, 100));
      health = await httpRequest(rig.agent, `${rig.app.baseUrl}/api/health`);
    }
    const recoverySeconds = (Date.now() - killedAt) / 1000;
    console.log(`/api/health answered 200 again ${recoverySeconds.toFixed(1)} s after the SIGKILL`);

    return () => [
      check(
        "the supervisor saw the crash and started PostgreSQL again, once",
        server.restarts === 1 && server.pid !== postmaster,
        `${server.restarts} restart(s), pid ${postmaster} -> ${server.pid}`,
      ),
      check(
        "/api/health went to 503 and back to 200 by itself",
        sawDown && health.status === 200,
        `${recoverySeconds.toFixed(1)} s`,
      ),
      check("back within 10 s", recoverySeconds < 10, `${recoverySeconds.toFixed(1)} s`),
      check(
        "the app was never restarted",
        rig.app.child.pid === appPid && rig.app.child.exitCode === null && rig.app.child.signalCode === null,
        `pid ${appPid}`,
      ),
      check(
        "one supervisor line per event (exit, attempt(s), running again)",
        supervisorLines.length >= 3,
        `${supervisorLines.length} lines`,
      ),
    ];
  });
}

runFaultScript(main);
