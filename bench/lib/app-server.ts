import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { startSupervisedPostgres } from "@/lib/db/supervised-postgres";
import { isBuildCurrent, recordBuild } from "@/scripts/build-stamp";

/**
 * The pieces of `npm start` that benchmarks and fault scripts need separately: an embedded
 * PostgreSQL they can stop and start, and `next start` processes they can kill and restart.
 */
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

export interface BenchDatabase {
  server: EmbeddedServer;
  url: string;
  /** The cluster's folder; its postmaster.pid names the server process (for CPU accounting). */
  dataDir: string;
}

export interface BenchDatabaseOptions {
  fresh?: boolean;
  name?: string;
  /** Supervised as `npm start` does it (restarted after an unexpected exit); lines go to `report`. */
  supervise?: { report: (line: string) => void };
}

export async function startBenchDatabase(port: number, options: BenchDatabaseOptions = {}): Promise<BenchDatabase> {
  const dataDir = path.join(".data", `bench-postgres-${port}`);
  const serverOptions = { dataDir, port, fresh: options.fresh ?? true };
  const server = options.supervise
    ? await startSupervisedPostgres({ ...serverOptions, report: options.supervise.report })
    : await startEmbeddedPostgres(serverOptions);
  const name = options.name ?? "trialdesk_bench";
  await server.ensureDatabase(name);
  const url = server.urlFor(name);
  await applyMigrations(url);
  return { server, url, dataDir };
}

/** The PostgreSQL server's process id (the first line of postmaster.pid). */
export function postmasterPid(database: BenchDatabase): number {
  return Number(readFileSync(path.join(database.dataDir, "cluster", "postmaster.pid"), "utf8").split("\n")[0]);
}

/** `next build` unless the build stamp says the current sources are already built. */
export async function ensureProductionBuild(): Promise<void> {
  if (await isBuildCurrent()) return;
  console.log("Building the app (next build)...");
  // The build renders static pages, which read the validated environment (lib/env.ts); no
  // connection is made, so placeholders do.
  const env = {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://build@localhost:1/build",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? newAuthSecret(),
    TRIALDESK_MODE: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const build = spawn(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  const code = await new Promise<number>((resolve) => build.once("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  await recordBuild();
}

export interface AppProcess {
  port: number;
  baseUrl: string;
  child: ChildProcess;
  /** SIGTERM (graceful) or SIGKILL (a crash); resolves when the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface AppOptions {
  port: number;
  databaseUrl: string;
  secret: string;
  env?: Record<string, string>;
  /** Arguments for node itself (e.g. --cpu-prof, which NODE_OPTIONS does not allow). */
  nodeArgs?: string[];
  /** Print the server's output (errors are always kept for the caller in `output`). */
  echo?: boolean;
  output?: string[];
}

export function newAuthSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** `next start` on the production build, resolved once /api/ping answers. */
export async function startApp(options: AppOptions): Promise<AppProcess> {
  const baseUrl = `http://localhost:${options.port}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), nextBin, "start", "-p", String(options.port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: baseUrl,
      TRIALDESK_MODE: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
  });
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    options.output?.push(text);
    if (options.echo) process.stdout.write(text);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`next start on port ${options.port} exited with code ${child.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`next start on port ${options.port} did not answer within 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port: options.port,
    baseUrl,
    child,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
