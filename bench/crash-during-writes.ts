import { faultPorts, runFaultScript, runFaultUnderSaving } from "./lib/fault-setup";

/**
 * Resilience 1 (issue 8): under concurrent saving, the `next start` process is killed with
 * SIGKILL and started again. Every save the client saw acknowledged (201 with a record id)
 * must be in the database with its audit record, and nothing may be half-written.
 *
 *   npm run fault:crash            (exit code 0 when every check passes)
 */
const USERS = 20;

runFaultScript(() =>
  runFaultUnderSaving(
    { ...faultPorts(3207, 54407), users: USERS, pause: { afterErrorMs: 50 }, scriptFile: import.meta.filename },
    async (rig, beforeKill) => {
      await rig.app.stop("SIGKILL");
      console.log(`SIGKILL sent to next start after ${beforeKill} acknowledged saves`);
      await new Promise((r) => setTimeout(r, 1_000));
      await rig.restartApp();
      console.log("next start restarted (same secret: the signed-in sessions stay valid)");
      // The acknowledged saves are the whole verdict here.
      return () => [];
    },
  ),
);
