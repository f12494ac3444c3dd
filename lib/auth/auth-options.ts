import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { claimsOf, issueSessionToken, touchSessionToken } from "@/lib/auth/session-token";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { THROTTLED_ERROR } from "@/lib/auth/throttle-policy";
import type { SignedInUser } from "@/lib/data/users";
import { SignInSchema } from "@/lib/schemas/sign-in";
import { getEnv } from "@/lib/env";

/**
 * next-auth 4 with email + password. Sessions are signed JWT cookies with a rolling
 * idle timeout: every request within the window extends it, inactivity ends it. The
 * token also carries the user's session version; lib/auth/session.ts rejects stale ones.
 */
export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  const idleSeconds = env.SESSION_IDLE_MINUTES * 60;
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: idleSeconds, updateAge: 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          // Malformed input never reaches the database (and cannot name an account): not audited.
          const parsed = SignInSchema.safeParse(raw);
          if (!parsed.success) return null;
          const address = clientAddressFrom(req?.headers, env.TRUST_PROXY);
          const result = await attemptSignIn({ ...parsed.data, address });
          if (result.ok) return result.user;
          // A thrown error's message reaches the form as `error`; returning null gives "CredentialsSignin".
          if (result.reason === "throttled") throw new Error(THROTTLED_ERROR);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) return issueSessionToken(token, user as SignedInUser, Date.now());
        return touchSessionToken(token, Date.now(), idleSeconds);
      },
      session({ session, token }) {
        const claims = claimsOf(token);
        if (session.user && claims) {
          Object.assign(session.user, { id: claims.userId, sessionVersion: claims.sessionVersion });
        }
        return session;
      },
    },
  };
}
