import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";

// The same cluster playwright.config.ts starts for the app (.data/e2e, E2E_DB_PORT).
async function e2eDatabaseUrl(): Promise<string> {
  const file = path.join(".data", "e2e", "postgres", "credentials.json");
  const { user, password } = JSON.parse(await readFile(file, "utf8")) as { user: string; password: string };
  const port = process.env.E2E_DB_PORT ?? "54339";
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@localhost:${port}/trialdesk`;
}

/**
 * A user of this spec's own (no role needed to sign in), so tests that lock an account or
 * change a password never disturb the demo users other specs sign in as.
 */
export async function createUser(name: string, password: string): Promise<string> {
  const email = `${name}-${randomUUID().slice(0, 8)}@e2e.test`;
  const client = new pg.Client({ connectionString: await e2eDatabaseUrl() });
  await client.connect();
  try {
    // Low scrypt cost: the stored parameters make it verify the same way, just faster.
    const hash = await hashPassword(password, { N: 2 ** 14, r: 8, p: 1 });
    await client.query(
      `INSERT INTO "users" ("id", "email", "name", "password_hash", "updated_at") VALUES ($1, $2, $3, $4, now())`,
      [randomUUID(), email, name, hash],
    );
  } finally {
    await client.end();
  }
  return email;
}
