import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/data/users";
import { SignInSchema } from "@/lib/schemas/sign-in";
import { getEnv } from "@/lib/env";

/**
 * next-auth 4 with email + password. Sessions are signed JWT cookies with a rolling
 * idle timeout: every request within the window extends it, inactivity ends it.
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
        async authorize(raw) {
          const parsed = SignInSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await verifyCredentials(parsed.data.email, parsed.data.password);
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
