import hkdf from "@panva/hkdf";
import { jwtDecrypt } from "jose";
import { claimsOf, touchSessionToken, type SessionClaims } from "@/lib/auth/session-token";

/**
 * Reading the session cookie the way next-auth's session endpoint does (same cookie, same
 * decryption, same rules as its jwt and session callbacks in lib/auth/auth-options.ts), but
 * without what getServerSession adds on every request: running the whole session route,
 * then encrypting a fresh token that a server component or route handler throws away
 * (getServerSession(options) never sets cookies; components/session-keep-alive.tsx renews
 * the cookie through /api/auth/session). Measured in bench/form-save-bench.ts.
 */

// next-auth's names (core/lib/cookie.js): "__Secure-" when NEXTAUTH_URL is https, and
// ".0", ".1"... when a large token was split into chunks.
const SESSION_COOKIE_NAME = "next-auth.session-token";

export interface CookieEntry {
  name: string;
  value: string;
}

/** The session token in the request's cookies, joined from its chunks if it was split; null when absent. */
export function readSessionCookie(cookies: readonly CookieEntry[], secure: boolean): string | null {
  const name = `${secure ? "__Secure-" : ""}${SESSION_COOKIE_NAME}`;
  const whole = cookies.find((c) => c.name === name);
  if (whole) return whole.value;
  const chunks = cookies
    .map((c) => ({
      index: c.name.startsWith(`${name}.`) ? Number(c.name.slice(name.length + 1)) : NaN,
      value: c.value,
    }))
    .filter((c) => Number.isInteger(c.index) && c.index >= 0)
    .sort((a, b) => a.index - b.index);
  return chunks.length ? chunks.map((c) => c.value).join("") : null;
}

/**
 * next-auth's JWT decryption key (next-auth/jwt's getDerivedEncryptionKey: HKDF-SHA256 of the
 * secret, empty salt, its fixed info, 32 bytes), derived once per secret instead of on every
 * request as next-auth's `decode` does: the derivation was ~0.5 ms of the app's CPU per save
 * (BENCHMARKS.md, session 8 profile of bench:save). The secret never changes while the server runs.
 */
const encryptionKeys = new Map<string, Promise<Uint8Array>>();
function encryptionKey(secret: string): Promise<Uint8Array> {
  let key = encryptionKeys.get(secret);
  if (!key) {
    key = hkdf("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32);
    encryptionKeys.set(secret, key);
  }
  return key;
}

/** next-auth/jwt's `decode` (jose's jwtDecrypt with its 15 s clock tolerance), with the key kept. */
async function decode(token: string, secret: string) {
  const { payload } = await jwtDecrypt(token, await encryptionKey(secret), { clockTolerance: 15 });
  return payload;
}

/**
 * Who a session token speaks for, or null when it does not decrypt with the secret, has
 * expired, has been idle too long or lacks a session version. Whether that version is
 * still current is a database question (lib/auth/get-actor.ts).
 */
export async function claimsFromSessionToken(
  token: string,
  options: { secret: string; idleSeconds: number; absoluteSeconds?: number; nowMs: number },
): Promise<SessionClaims | null> {
  let decoded;
  try {
    decoded = await decode(token, options.secret);
  } catch {
    return null; // tampered, encrypted with another secret, or past its exp
  }
  return decoded
    ? claimsOf(touchSessionToken(decoded, options.nowMs, options.idleSeconds, options.absoluteSeconds))
    : null;
}
