import { describe, expect, test } from "vitest";
import { ACCOUNT_LIMIT, isLocked, recordFailure, type ThrottleState } from "./throttle-policy";

const T0 = new Date("2026-11-25T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function failTimes(minutes: number[]): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (const m of minutes) state = recordFailure(state, at(m), ACCOUNT_LIMIT);
  return state;
}

describe("sign-in throttle policy", () => {
  test("the documented limit: 5 failures in 15 minutes lock for 15 minutes", () => {
    expect(ACCOUNT_LIMIT).toEqual({ maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 });
  });

  test("4 failures do not lock; the 5th locks until 15 minutes after it", () => {
    expect(isLocked(failTimes([0, 1, 2, 3]), at(3))).toBe(false);
    const state = failTimes([0, 1, 2, 3, 4]);
    expect(state).toMatchObject({ failures: 5, lockedUntil: at(19) });
    expect(isLocked(state, at(18.9))).toBe(true);
    expect(isLocked(state, at(19))).toBe(false);
  });

  test("failures spread beyond the window start a new count", () => {
    const state = failTimes([0, 1, 2, 3, 15]);
    expect(state).toMatchObject({ failures: 1, windowStartedAt: at(15), lockedUntil: null });
  });

  test("after a lock expires the next failure counts from 1 again", () => {
    const state = failTimes([0, 1, 2, 3, 4, 20]);
    expect(state).toMatchObject({ failures: 1, lockedUntil: null });
  });

  test("no state is never locked", () => {
    expect(isLocked(null, T0)).toBe(false);
  });
});
