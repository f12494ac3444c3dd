import { checkAcknowledgedSaves, runFaultScript, startFaultRig, writeServerLog } from "./lib/fault-setup";

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
  const acknowledged = new Set<string>();
  const outcomes: Record<string, number> = {};
  let running = true;
  const workers = Array.from({ length: USERS }, async (_, worker) => {
    while (running) {
      try {
        const answer = await rig.saveAdverseEvent(worker);
        outcomes[answer.status] = (outcomes[answer.status] ?? 0) + 1;
        if (answer.recordId) acknowledged.add(answer.recordId);
      } catch (error) {
        const code = (error as { code?: string }).code ?? "error";
        outcomes[code] = (outcomes[code] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
  try {
    await new Promise((r) => setTimeout(r, 4_000));
    const beforeKill = acknowledged.size;
    await rig.app.stop("SIGKILL");
    console.log(`SIGKILL sent to next start after ${beforeKill} acknowledged saves`);
    await new Promise((r) => setTimeout(r, 1_000));
    await rig.restartApp();
    console.log("next start restarted (same secret: the signed-in sessions stay valid)");
    await new Promise((r) => setTimeout(r, 4_000));
    running = false;
    await Promise.all(workers);
    console.log(`outcomes: ${JSON.stringify(outcomes)}`);

    const results = await checkAcknowledgedSaves(rig.pool, [...acknowledged], beforeKill, outcomes);
    await writeServerLog(rig, import.meta.filename);
    return results.every(Boolean) ? 0 : 1;
  } finally {
    running = false;
    await rig.close();
  }
}

runFaultScript(main);
