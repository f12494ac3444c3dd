import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { queryOnce } from "@/test/integration/query-once";
import { findFreePort } from "./embedded-postgres";
import { startSupervisedPostgres, type SupervisedPostgres } from "./supervised-postgres";

/**
 * Issue 20: the embedded PostgreSQL is started again after an unexpected exit, and a clean
 * shutdown is never taken for one. Each test uses a fresh data folder and free ports.
 */
const folders: string[] = [];
async function freshFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "trialdesk-supervision-"));
  folders.push(folder);
  return folder;
}
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function countRows(url: string): Promise<number> {
  return Number((await queryOnce(url, "SELECT count(*) AS n FROM kept")).rows[0].n);
}

describe("the supervisor", () => {
  let server: SupervisedPostgres | undefined;
  afterAll(async () => server?.stop());

  test("starts PostgreSQL again after a SIGKILL, with committed rows intact, and not after stop()", async () => {
    const lines: string[] = [];
    server = await startSupervisedPostgres({
      dataDir: path.join(await freshFolder(), "postgres"),
      port: await findFreePort(),
      fresh: true,
      report: (line) => lines.push(line),
      delayMs: () => 100,
    });
    await server.ensureDatabase("supervised");
    const url = server.urlFor("supervised");
    await queryOnce(url, "CREATE TABLE kept (n int); INSERT INTO kept SELECT generate_series(1, 100)");

    const killed = server.pid;
    process.kill(killed, "SIGKILL");
    await waitFor(() => server!.restarts === 1, 20_000, "the restart");
    expect(server.pid).not.toBe(killed);
    expect(await countRows(url)).toBe(100);
    expect(lines[0]).toMatch(new RegExp(`\\(pid ${killed}\\) exited unexpectedly \\(signal SIGKILL\\)`));
    expect(lines.some((line) => /restart attempt 1 \(after 100 ms\)/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/running again/);

    const linesBeforeStop = lines.length;
    const running = server.pid;
    await server.stop();
    expect(isRunning(running)).toBe(false);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(lines.slice(linesBeforeStop)).toEqual([]);
    expect(server.restarts).toBe(1);
  });
});

describe("npm start", () => {
  test("on SIGTERM stops the app first and the database last, restarts nothing and exits with code 0", async () => {
    const folder = await freshFolder();
    const [appPort, dbPort] = [await findFreePort(), await findFreePort()];
    // `npm run dev`'s own command (`next dev` needs no production build; the shutdown path is
    // the same as npm start's), so the signal reaches start.ts exactly as a service manager's would.
    const { scripts } = JSON.parse(await readFile("package.json", "utf8")) as { scripts: Record<string, string> };
    // `next dev` reformats tsconfig.json (and adds its type folders): put the file back after.
    const tsconfig = await readFile("tsconfig.json", "utf8");
    const child = spawn("sh", ["-c", scripts.dev!], {
      env: {
        ...process.env,
        PATH: `${path.resolve("node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`,
        DATABASE_URL: "",
        TRIALDESK_DATA_DIR: folder,
        TRIALDESK_DB_PORT: String(dbPort),
        PORT: String(appPort),
        TRIALDESK_MODE: "production",
        NEXTAUTH_SECRET: "a-test-secret-that-is-long-enough-0123456789",
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so a failed test can end everything it started (next, postgres).
      detached: true,
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    try {
      await waitFor(
        async () => {
          if (child.exitCode !== null)
            throw new Error(`npm run dev exited early with code ${child.exitCode}:\n${output}`);
          return fetch(`http://localhost:${appPort}/api/ping`).then(
            (r) => r.ok,
            () => false,
          );
        },
        120_000,
        `the app on port ${appPort}`,
      );
      const postmaster = Number(
        readFileSync(path.join(folder, "postgres", "cluster", "postmaster.pid"), "utf8").split("\n")[0],
      );
      expect(isRunning(postmaster)).toBe(true);

      child.kill("SIGTERM");
      const { code, signal } = await exited;
      expect({ code, signal }, output).toEqual({ code: 0, signal: null });
      expect(isRunning(postmaster)).toBe(false);
      expect(output).not.toMatch(/exited unexpectedly|restart attempt/);
      const appStopped = output.indexOf("App stopped.");
      const databaseStopped = output.indexOf("Embedded PostgreSQL stopped.");
      expect(appStopped).toBeGreaterThan(-1);
      expect(databaseStopped).toBeGreaterThan(appStopped);
    } finally {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
      await writeFile("tsconfig.json", tsconfig);
    }
  }, 180_000);
});
