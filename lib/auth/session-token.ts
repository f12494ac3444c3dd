import type { JWT } from "next-auth/jwt";

/**
 * What Trialdesk keeps in the signed session cookie beyond next-auth's own claims, and the
 * rules applied on every request. Pure (time is passed in) so they are unit-tested.
 */
declare module "next-auth/jwt" {
  interface JWT {
    /** users.session_version when the token was issued; a bump ends the session. */
    sv?: number;
    /** Last time (ms since epoch) the session was used; idle past the limit ends it. */
    activeAt?: number;
    /** Set once the idle limit passed; sticky, so a refresh cannot revive the token. */
    idle?: boolean;
  }
}

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

/** The token issued at sign-in. */
export function issueSessionToken(token: JWT, user: { id: string; sessionVersion: number }, nowMs: number): JWT {
  return { ...token, sub: user.id, sv: user.sessionVersion, activeAt: nowMs, idle: false };
}

/**
 * Applied whenever the token is read. next-auth's own expiry (maxAge = idle minutes, renewed
 * each time /api/auth/session re-issues the cookie) already ends idle sessions; this check
 * also applies a lowered SESSION_IDLE_MINUTES to tokens issued under a longer one.
 */
export function touchSessionToken(token: JWT, nowMs: number, idleSeconds: number): JWT {
  if (token.idle || typeof token.activeAt !== "number" || nowMs - token.activeAt > idleSeconds * 1000) {
    return { ...token, idle: true };
  }
  return { ...token, activeAt: nowMs };
}

/**
 * Who the token speaks for, or null when it is idle or lacks a version (tokens issued before
 * session versions existed must sign in again). Whether the version is still current is a
 * database question: lib/auth/session.ts.
 */
export function claimsOf(token: JWT): SessionClaims | null {
  if (token.idle || !token.sub || typeof token.sv !== "number") return null;
  return { userId: token.sub, sessionVersion: token.sv };
}
