import path from "node:path";
import { writeFile } from "node:fs/promises";
import { check, findHalfWritten, startFaultRig } from "./lib/fault-setup";

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

    const ids = [...acknowledged];
    const { rows } = await rig.pool.query<{ found: string; audited: string }>(
      `SELECT (SELECT count(*) FROM crf_records WHERE id = ANY($1::uuid[])) AS found,
              (SELECT count(DISTINCT entity_id) FROM audit_events WHERE action = 'CREATE' AND entity_id = ANY($2::text[])) AS audited`,
      [ids, ids],
    );
    const halfWritten = await findHalfWritten(rig.pool);
    const results = [
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
      check(
        "no record without audit, no audit without record",
        halfWritten.recordsWithoutAudit === 0 && halfWritten.auditsWithoutRecord === 0,
        JSON.stringify(halfWritten),
      ),
      check("no 500 answered", !outcomes["500"], JSON.stringify(outcomes)),
    ];
    const log = path.join(".data", `${path.basename(import.meta.filename, ".ts")}.log`);
    await writeFile(log, rig.output.join(""));
    console.log(`server output: ${log}`);
    return results.every(Boolean) ? 0 : 1;
  } finally {
    running = false;
    await rig.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
