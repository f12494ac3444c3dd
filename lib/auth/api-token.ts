import type { Permission } from "@/lib/auth/permissions";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Personal API tokens: `tdk_<8 characters>_<43 characters>`. The first part is a visible,
 * unique prefix that finds the token's row (and lets secret scanners recognise a leaked
 * token); the rest is 256 random bits. Only the SHA-256 of the whole token is stored: with
 * that much entropy a fast hash is enough (nothing to brute-force), and a stolen database
 * copy holds no usable token.
 */
export const TOKEN_PREFIX = "tdk_";

/**
 * The permissions some /api/v1 endpoint needs: holding one of them makes a personal API token
 * useful. Kept here (lib/data checks it when a token is made, and must not import the API's
 * routes); lib/api/openapi.test.ts holds it equal to what the endpoint list needs.
 */
export const API_PERMISSIONS: readonly Permission[] = [
  "patient.read",
  "patient.write",
  "dashboard.read",
  "export.run",
  "import.run",
  "site.admin",
  "user.admin",
];
const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const TOKEN_PATTERN = /^(tdk_[a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export interface NewApiToken {
  /** The whole token, shown to its owner once and never stored. */
  token: string;
  prefix: string;
  secretHash: string;
}

export function generateApiToken(): NewApiToken {
  const id = [...randomBytes(8)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join("");
  const prefix = `${TOKEN_PREFIX}${id}`;
  const token = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { token, prefix, secretHash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The prefix of a well-formed token, or null (malformed tokens never reach the database). */
export function parseApiToken(token: string): { prefix: string } | null {
  const match = TOKEN_PATTERN.exec(token);
  return match ? { prefix: match[1]! } : null;
}

/** The token from an `Authorization: Bearer <token>` header (RFC 6750), or null. */
export function bearerTokenOf(authorization: string): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(authorization);
  return match ? match[1]! : null;
}

/** Compares the presented token's hash with the stored one in constant time. */
export function apiTokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
