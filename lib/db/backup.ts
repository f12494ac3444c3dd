import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

/**
 * Backup and restore with PostgreSQL's own pg_dump / pg_restore (custom format). pg_dump
 * must be at least the server's major version: an older one refuses to dump a newer server
 * ("aborting because of server version mismatch"), so that is checked first and said
 * plainly. The tools are looked up in the given folder, else PG_BIN_DIR, else on PATH.
 */
const run = promisify(execFile);

export class BackupToolError extends Error {}

export interface PgToolOptions {
  /** Folder of pg_dump / pg_restore; overrides PG_BIN_DIR (the npm scripts use PG_BIN_DIR or PATH). */
  binDir?: string;
}

export function findPgTool(name: "pg_dump" | "pg_restore", options: PgToolOptions = {}): string {
  const dir = options.binDir ?? process.env.PG_BIN_DIR;
  if (dir) {
    const candidate = path.join(dir, name);
    if (!existsSync(candidate))
      throw new BackupToolError(`${name} not found in ${options.binDir ? dir : `PG_BIN_DIR (${dir})`}.`);
    return candidate;
  }
  for (const folder of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(folder, name);
    if (folder && existsSync(candidate)) return candidate;
  }
  throw new BackupToolError(
    `${name} was not found on PATH. Install the PostgreSQL client tools (version >= the server's) or set PG_BIN_DIR.`,
  );
}

export async function toolMajorVersion(tool: string): Promise<number> {
  const { stdout } = await run(tool, ["--version"]);
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
  if (!match) throw new BackupToolError(`Cannot read the version of ${tool}: ${stdout.trim()}`);
  return Number(match[1]);
}

export async function serverMajorVersion(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/** The tool, checked against the server; a BackupToolError that says what to install otherwise. */
export async function findCompatiblePgTool(
  name: "pg_dump" | "pg_restore",
  databaseUrl: string,
  options: PgToolOptions = {},
): Promise<string> {
  const tool = findPgTool(name, options);
  const [toolMajor, serverMajor] = await Promise.all([toolMajorVersion(tool), serverMajorVersion(databaseUrl)]);
  if (toolMajor < serverMajor) {
    throw new BackupToolError(
      `${tool} is PostgreSQL ${toolMajor}, but the server is PostgreSQL ${serverMajor}: ${name} ${toolMajor} cannot handle a newer server. ` +
        `Install the PostgreSQL ${serverMajor} client tools (e.g. postgresql-client-${serverMajor} from the PostgreSQL apt repository) and put them on PATH or in PG_BIN_DIR.`,
    );
  }
  return tool;
}

/** pg_dump -Fc of the whole database (schema, data, the audit trail and its append-only triggers). */
export async function backupDatabase(databaseUrl: string, file: string, options: PgToolOptions = {}): Promise<void> {
  const pgDump = await findCompatiblePgTool("pg_dump", databaseUrl, options);
  await run(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${databaseUrl}`], {
    maxBuffer: 16 * 2 ** 20,
  });
}

/**
 * Restores into an EMPTY database, in one transaction: a restore never overwrites or merges
 * with live data, so the audit trail of the database restored into cannot be rewritten.
 */
export async function restoreDatabase(file: string, databaseUrl: string, options: PgToolOptions = {}): Promise<void> {
  const pgRestore = await findCompatiblePgTool("pg_restore", databaseUrl, options);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'",
    );
    if (Number(rows[0]!.n) > 0)
      throw new BackupToolError(
        "The target database is not empty: restore into a new, empty database (a restore never overwrites data).",
      );
  } finally {
    await client.end();
  }
  await run(
    pgRestore,
    ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${databaseUrl}`, file],
    { maxBuffer: 16 * 2 ** 20 },
  );
}

/** Row count and an order-independent checksum of every table's rows, to compare a copy with its source. */
export async function checksumTables(databaseUrl: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const { tablename } of tables) {
      const { rows } = await client.query<{ n: string; md5: string | null }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${tablename.replaceAll('"', '""')}" t`,
      );
      result[tablename] = { rows: Number(rows[0]!.n), md5: rows[0]!.md5 ?? "" };
    }
    return result;
  } finally {
    await client.end();
  }
}
