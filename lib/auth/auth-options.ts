import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { createAuthLogger, SESSION_ENDED } from "@/lib/auth/auth-logger";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { claimsOf, issueSessionToken, touchSessionToken, type SessionClaims } from "@/lib/auth/session-token";
import { loadActor } from "@/lib/auth/get-actor";
import { endUserSession } from "@/lib/auth/user-sessions";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { THROTTLED_ERROR } from "@/lib/auth/throttle-policy";
import type { SignedInUser } from "@/lib/auth/credentials";
import { SignInSchema } from "@/lib/schemas/sign-in";
import { getEnv } from "@/lib/env";

/**
 * next-auth 4 with email + password. Sessions are signed JWT cookies with a rolling
 * idle timeout: every request within the window extends it, inactivity ends it. The
 * token also carries the user's session version; lib/auth/session.ts rejects stale ones.
 * It names a server-side session (lib/auth/user-sessions.ts) that sign-out ends, and the
 * session has an absolute lifetime (SESSION_ABSOLUTE_HOURS) that activity never extends.
 */
/** Whether the server still holds the session a token names (signed in, not signed out, user active, version current). */
type SessionCheck = (claims: SessionClaims) => Promise<boolean>;
const serverHoldsSession: SessionCheck = async (claims) =>
  (await loadActor(claims.userId, claims.sessionVersion, claims.sessionId)) !== null;

export function getAuthOptions(isSessionLive: SessionCheck = serverHoldsSession): NextAuthOptions {
  const env = getEnv();
  const idleSeconds = env.SESSION_IDLE_MINUTES * 60;
  const absoluteSeconds = env.SESSION_ABSOLUTE_HOURS * 3600;
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: idleSeconds, updateAge: 60 },
    pages: { signIn: "/login" },
    logger: createAuthLogger(),
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          // Malformed input never reaches the database (and cannot name an account): not audited.
          const parsed = SignInSchema.safeParse(raw);
          if (!parsed.success) return null;
          const address = clientAddressFrom(req?.headers, env.TRUST_PROXY);
          const result = await attemptSignIn({ ...parsed.data, address, sessionHours: env.SESSION_ABSOLUTE_HOURS });
          if (result.ok) return result.user;
          // A thrown error's message reaches the form as `error`; returning null gives "CredentialsSignin".
          if (result.reason === "throttled") throw new Error(THROTTLED_ERROR);
          return null;
        },
      }),
    ],
    events: {
      // Sign-out ends the session on the server too: a copy of the cookie stops working.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endUserSession(token.sid);
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) return issueSessionToken(token, user as SignedInUser & { sessionId: string }, Date.now());
        const touched = touchSessionToken(token, Date.now(), idleSeconds, absoluteSeconds);
        // An ended session is not re-issued: next-auth's session route then clears the cookie
        // and answers "no session", so /api/auth/session never extends past the absolute end.
        if (touched.idle) throw new Error(SESSION_ENDED);
        // Nor is one the server no longer holds (signed out, signed out everywhere, password
        // changed, user deactivated): the signature alone would let a copied cookie be renewed.
        const claims = claimsOf(touched);
        if (!claims || !(await isSessionLive(claims))) throw new Error(SESSION_ENDED);
        return touched;
      },
      session({ session, token }) {
        const claims = claimsOf(token);
        if (session.user && claims) {
          Object.assign(session.user, {
            id: claims.userId,
            sessionVersion: claims.sessionVersion,
            sessionId: claims.sessionId,
          });
        }
        return session;
      },
    },
  };
}
