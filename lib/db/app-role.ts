import pg from "pg";

/**
 * The database role the running app connects as, kept apart from the role that owns the
 * schema and runs migrations. The app role is no superuser and owns nothing, so it cannot
 * ALTER a table, disable the append-only trigger of audit_events or grant itself more; on
 * audit_events it may only INSERT and SELECT (no UPDATE, DELETE or TRUNCATE even if the
 * trigger were gone). Whoever holds the app's credentials (a leaked .env, an injected query)
 * therefore cannot rewrite the audit trail. (21 CFR 11.10(e); OWASP ASVS 7.3.3, 14.1.)
 *
 * Applied after every migration run, so tables added later get the same grants. The same
 * statements set up a managed PostgreSQL (README, "Database roles").
 */
export interface AppRole {
  name: string;
  password: string;
}

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Tables the app may read but never change: the audit trail, and the migration history. */
const APPEND_ONLY = ['"audit_events"'];
const READ_ONLY = ['"_prisma_migrations"'];

export function appRoleStatements(role: string, database: string): string[] {
  if (!ROLE_NAME.test(role)) throw new Error(`Unsafe role name: ${role}`);
  const r = `"${role}"`;
  return [
    `GRANT CONNECT ON DATABASE "${database.replaceAll('"', '""')}" TO ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `REVOKE CREATE ON SCHEMA public FROM ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    ...APPEND_ONLY.map((table) => `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${table} FROM ${r}`),
    ...READ_ONLY.map((table) => `REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${table} FROM ${r}`),
  ];
}

/**
 * Creates (or updates the password of) the app role and grants it exactly what the app needs
 * on the database of ownerUrl; returns the app's connection string. ownerUrl must be the
 * schema owner's (or a superuser's) connection.
 */
export async function ensureAppRole(ownerUrl: string, role: AppRole): Promise<string> {
  if (!ROLE_NAME.test(role.name)) throw new Error(`Unsafe role name: ${role.name}`);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const database = (await client.query<{ db: string }>("SELECT current_database() AS db")).rows[0]!.db;
    const exists = (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name])).rowCount;
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(role.password)}`;
    await client.query(`${exists ? "ALTER" : "CREATE"} ROLE "${role.name}" ${attributes}`);
    for (const statement of appRoleStatements(role.name, database)) await client.query(statement);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(role.name);
  url.password = encodeURIComponent(role.password);
  return url.toString();
}
