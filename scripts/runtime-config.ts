import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** Where `npm start` keeps the embedded database and generated secrets (git-ignored). */
export function dataDir(): string {
  return path.resolve(process.env.TRIALDESK_DATA_DIR ?? ".data");
}

export function appMode(): "demo" | "production" {
  const mode = process.env.TRIALDESK_MODE ?? "demo";
  if (mode !== "demo" && mode !== "production")
    throw new Error(`TRIALDESK_MODE must be "demo" or "production", not "${mode}"`);
  return mode;
}

export function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new Error(`${name} must be a port number, not "${raw}"`);
  return value;
}

/**
 * In demo mode a missing NEXTAUTH_SECRET is generated once and kept in the data folder, so
 * sessions survive restarts; production mode must be given one explicitly.
 */
export async function resolveAuthSecret(mode: "demo" | "production"): Promise<string> {
  const given = process.env.NEXTAUTH_SECRET;
  if (given) return given;
  if (mode === "production")
    throw new Error("NEXTAUTH_SECRET must be set in production mode (at least 32 characters).");
  const file = path.join(dataDir(), "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir(), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
