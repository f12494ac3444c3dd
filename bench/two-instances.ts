import http from "node:http";
import pg from "pg";
import { addDays } from "@/lib/domain/schedule/visit-schedule";
import { THROTTLED_ERROR } from "@/lib/auth/throttle-policy";
import { ensureProductionBuild, newAuthSecret, startApp, startBenchDatabase } from "./lib/app-server";
import { BENCH_PASSWORD, createBenchInvestigators, createBenchSites } from "./lib/bench-users";
import { buildAdverseEvent } from "./lib/form-payloads";
import { httpRequest } from "./lib/load-loop";
import { createRandom } from "./lib/random";
import { check, runFaultScript } from "./lib/fault-setup";
import { signInOverHttp } from "./lib/sign-in";

/**
 * Issue 8, benchmark 5: two `next start` processes on different ports, one database, one
 * NEXTAUTH_SECRET. A user signs in on A and saves with the same cookie on B; wrong passwords
 * sent alternately to A and B lock the account on both (the throttle lives in PostgreSQL).
 *
 *   npm run bench:two-instances     (exit code 0 when every check passes)
 */
async function main(): Promise<number> {
  await ensureProductionBuild();
  const db = await startBenchDatabase(Number(process.env.TWO_DB_PORT ?? 54407), { name: "trialdesk_two" });
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  pool.on("error", () => {});
  const secret = newAuthSecret();
  const [a, b] = await Promise.all([
    startApp({ port: Number(process.env.TWO_PORT_A ?? 3206), databaseUrl: db.url, secret }),
    startApp({ port: Number(process.env.TWO_PORT_B ?? 3209), databaseUrl: db.url, secret }),
  ]);
  const agent = new http.Agent({ keepAlive: true });
  try {
    const [site] = await createBenchSites(pool, 1);
    const [user, victim] = await createBenchInvestigators(pool, [site!], 2, { patientsEach: 1, prefix: "two" });
    const cookie = await signInOverHttp(a.baseUrl, user!.email, BENCH_PASSWORD);
    const saved = await httpRequest(agent, `${b.baseUrl}/api/v1/patients/${user!.patientIds[0]}/forms/adverse-event`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: JSON.stringify({ data: buildAdverseEvent(createRandom(5), addDays("2026-01-12", 20)) }),
    });
    const readBack = await httpRequest(agent, `${a.baseUrl}/api/v1/patients/${user!.patientIds[0]}`, {
      headers: { Cookie: cookie },
    });

    // Wrong passwords alternately on A and B: the 5-failure lock counts across instances.
    const failures: string[] = [];
    for (let i = 0; i < 5; i++)
      failures.push(await signInError(i % 2 ? b.baseUrl : a.baseUrl, victim!.email, "wrong-password"));
    const rightOnA = await signInError(a.baseUrl, victim!.email, BENCH_PASSWORD);
    const rightOnB = await signInError(b.baseUrl, victim!.email, BENCH_PASSWORD);
    const results = [
      check("signed in on A, saved on B with the same cookie", saved.status === 201, `${saved.status}`),
      check("the record saved on B is visible through A", readBack.status === 200),
      check(
        "5 wrong passwords spread over A and B lock the account",
        rightOnA === THROTTLED_ERROR && rightOnB === THROTTLED_ERROR,
        `${failures.join(",")} then A: ${rightOnA}, B: ${rightOnB}`,
      ),
    ];
    return results.every(Boolean) ? 0 : 1;
  } finally {
    agent.destroy();
    await Promise.all([a.stop(), b.stop()]);
    await pool.end();
    await db.server.stop();
  }
}

/** next-auth's error code for a sign-in (the `error` query parameter), or "ok". */
async function signInError(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const location =
    response.headers.get("location") ?? ((await response.json().catch(() => ({}))) as { url?: string }).url ?? "";
  return new URL(location, baseUrl).searchParams.get("error") ?? "ok";
}

runFaultScript(main);
