import { describe, expect, test } from "vitest";
import { claimsOf, issueSessionToken, touchSessionToken } from "./session-token";

const IDLE_SECONDS = 30 * 60;
const T0 = Date.parse("2026-11-25T08:00:00Z");
const minutes = (n: number) => T0 + n * 60_000;

describe("session token rules", () => {
  const issued = issueSessionToken({ email: "a@x.test" }, { id: "user-1", sessionVersion: 3 }, T0);

  test("sign-in puts the user id and session version in the token", () => {
    expect(issued).toMatchObject({ sub: "user-1", sv: 3, activeAt: T0, idle: false, email: "a@x.test" });
    expect(claimsOf(issued)).toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  test("use within the idle limit keeps the session and moves the activity time", () => {
    const touched = touchSessionToken(issued, minutes(29), IDLE_SECONDS);
    expect(touched.activeAt).toBe(minutes(29));
    // Activity keeps it alive well past the first 30 minutes (rolling, not absolute).
    const later = touchSessionToken(touched, minutes(58), IDLE_SECONDS);
    expect(claimsOf(later)).toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  test("more than SESSION_IDLE_MINUTES of inactivity ends the session for good", () => {
    const idle = touchSessionToken(issued, minutes(30) + 1, IDLE_SECONDS);
    expect(claimsOf(idle)).toBeNull();
    expect(claimsOf(touchSessionToken(idle, minutes(31), IDLE_SECONDS))).toBeNull();
  });

  test("exactly at the limit is still active", () => {
    expect(claimsOf(touchSessionToken(issued, minutes(30), IDLE_SECONDS))).not.toBeNull();
  });

  test("a lowered limit applies to tokens issued under the longer one", () => {
    expect(claimsOf(touchSessionToken(issued, minutes(10), 5 * 60))).toBeNull();
  });

  test("tokens without a session version or activity time are refused", () => {
    expect(claimsOf({ sub: "user-1" })).toBeNull();
    expect(claimsOf(touchSessionToken({ sub: "user-1", sv: 1 }, T0, IDLE_SECONDS))).toBeNull();
  });
});
