import {
  checkAcknowledgedSaves,
  runFaultScript,
  startFaultRig,
  startSavingLoop,
  writeServerLog,
} from "./lib/fault-setup";

/**
 * Resilience 1 (issue 8): under concurrent saving, the `next start` process is killed with
 * SIGKILL and started again. Every save the client saw acknowledged (201 with a record id)
 * must be in the database with its audit record, and nothing may be half-written.
 *
 *   npm run fault:crash            (exit code 0 when every check passes)
 */
const USERS = 20;

async function main(): Promise<number> {
  const rig = await startFaultRig({
    appPort: Number(process.env.FAULT_APP_PORT ?? 3207),
    dbPort: Number(process.env.FAULT_DB_PORT ?? 54407),
    users: USERS,
  });
  const saving = startSavingLoop(rig, USERS, { afterErrorMs: 50 });
  const { acknowledged, outcomes } = saving;
  try {
    await new Promise((r) => setTimeout(r, 4_000));
    const beforeKill = acknowledged.size;
    await rig.app.stop("SIGKILL");
    console.log(`SIGKILL sent to next start after ${beforeKill} acknowledged saves`);
    await new Promise((r) => setTimeout(r, 1_000));
    await rig.restartApp();
    console.log("next start restarted (same secret: the signed-in sessions stay valid)");
    await new Promise((r) => setTimeout(r, 4_000));
    await saving.stop();
    console.log(`outcomes: ${JSON.stringify(outcomes)}`);

    const results = await checkAcknowledgedSaves(rig.pool, [...acknowledged], beforeKill, outcomes);
    await writeServerLog(rig, import.meta.filename);
    return results.every(Boolean) ? 0 : 1;
  } finally {
    // Stops the loop without waiting for requests to a server that may be gone.
    void saving.stop();
    await rig.close();
  }
}

runFaultScript(main);
