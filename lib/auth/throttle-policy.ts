/**
 * When repeated failed sign-ins lock a key (an account email or a client address). Pure, so
 * the rule is unit-tested without a database; lib/auth/sign-in-throttle.ts stores the state.
 *
 * The account limit follows NIST SP 800-63B section 5.2.2 (rate-limit failed attempts) and
 * OWASP's Authentication Cheat Sheet (temporary lockout after a few failures, with the same
 * message for unknown accounts).
 */
export interface ThrottleLimit {
  /** Consecutive failures within the window that lock the key. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const MINUTE = 60_000;

/** Per account email: 5 failures within 15 minutes lock it for 15 minutes. */
export const ACCOUNT_LIMIT: ThrottleLimit = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/**
 * Per client address (only with TRUST_PROXY): higher, because a hospital's staff often share
 * one outgoing address, but it stops one machine from trying many accounts.
 */
export const ADDRESS_LIMIT: ThrottleLimit = { maxFailures: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/** The error code the login form maps to "too many attempts" (next-auth passes it through). */
export const THROTTLED_ERROR = "TooManyAttempts";

/** Minutes shown in the "try again later" message. */
export const LOCK_MINUTES = ACCOUNT_LIMIT.lockMs / MINUTE;

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState | null, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The state after one more failure. A window that has run out, or a lock that has expired,
 * starts the count again at 1; reaching the limit sets the lock. Failures while locked are
 * refused before this is called, so they never extend the lock.
 */
export function recordFailure(state: ThrottleState | null, now: Date, limit: ThrottleLimit): ThrottleState {
  const expired =
    !state ||
    now.getTime() - state.windowStartedAt.getTime() >= limit.windowMs ||
    (state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime());
  const failures = expired ? 1 : state.failures + 1;
  const windowStartedAt = expired ? now : state.windowStartedAt;
  const lockedUntil = failures >= limit.maxFailures ? new Date(now.getTime() + limit.lockMs) : null;
  return { failures, windowStartedAt, lockedUntil };
}
