import type { LoggerInstance } from "next-auth";

/** What the jwt callback throws for a session that has ended (lib/auth/auth-options.ts). */
export const SESSION_ENDED = "Session ended";

const errorOf = (metadata: unknown): unknown =>
  metadata instanceof Error
    ? metadata
    : typeof metadata === "object" && metadata !== null && "error" in metadata
      ? (metadata as { error: unknown }).error
      : undefined;

/**
 * next-auth's logger. An ended session (signed out, idle, past its lifetime, signed out
 * everywhere) presented again is routine: next-auth clears the cookie and answers "no session",
 * so it is one line, not an error with a stack. Anything else is logged as next-auth would.
 */
export function createAuthLogger(out: Pick<Console, "info" | "warn" | "error"> = console): Partial<LoggerInstance> {
  return {
    error(code, metadata) {
      const error = errorOf(metadata);
      if (code === "JWT_SESSION_ERROR" && error instanceof Error && error.message === SESSION_ENDED) {
        out.info("[auth] an ended session was presented; its cookie is cleared");
        return;
      }
      out.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      out.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  };
}
