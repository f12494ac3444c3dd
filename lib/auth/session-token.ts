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
    /** Set once the idle limit or the absolute lifetime passed; sticky, so a refresh cannot revive the token. */
    idle?: boolean;
    /** The server-side session (user_sessions row): sign-out ends it, so a copied cookie dies with it. */
    sid?: string;
    /** Sign-in time (ms since epoch): the absolute lifetime counts from here, whatever the activity. */
    signedInAt?: number;
  }
}

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  sessionId: string;
}

/** SESSION_ABSOLUTE_HOURS' default (lib/env.ts): a working day, after which the user signs in again. */
export const DEFAULT_SESSION_ABSOLUTE_HOURS = 12;
const DEFAULT_ABSOLUTE_SECONDS = DEFAULT_SESSION_ABSOLUTE_HOURS * 3600;

/** The token issued at sign-in. */
export function issueSessionToken(
  token: JWT,
  user: { id: string; sessionVersion: number; sessionId: string },
  nowMs: number,
): JWT {
  return {
    ...token,
    sub: user.id,
    sv: user.sessionVersion,
    sid: user.sessionId,
    activeAt: nowMs,
    signedInAt: nowMs,
    idle: false,
  };
}

/**
 * Applied whenever the token is read. next-auth's own expiry (maxAge = idle minutes, renewed
 * each time /api/auth/session re-issues the cookie) already ends idle sessions; this check
 * also applies a lowered SESSION_IDLE_MINUTES to tokens issued under a longer one, and the
 * absolute lifetime, which activity never extends (OWASP ASVS 3.3.2: a stolen session cannot
 * be kept alive forever by using it).
 */
export function touchSessionToken(
  token: JWT,
  nowMs: number,
  idleSeconds: number,
  absoluteSeconds = DEFAULT_ABSOLUTE_SECONDS,
): JWT {
  if (
    token.idle ||
    typeof token.activeAt !== "number" ||
    nowMs - token.activeAt > idleSeconds * 1000 ||
    typeof token.signedInAt !== "number" ||
    nowMs - token.signedInAt > absoluteSeconds * 1000
  ) {
    return { ...token, idle: true };
  }
  return { ...token, activeAt: nowMs };
}

/**
 * Who the token speaks for, or null when it is idle or lacks a version or session id (tokens
 * issued before these existed must sign in again). Whether the version is still current is a
 * database question: lib/auth/session.ts.
 */
export function claimsOf(token: JWT): SessionClaims | null {
  if (token.idle || !token.sub || typeof token.sv !== "number" || typeof token.sid !== "string") return null;
  return { userId: token.sub, sessionVersion: token.sv, sessionId: token.sid };
}
