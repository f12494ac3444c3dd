import { describe, expect, test } from "vitest";
import { claimsOf, issueSessionToken, touchSessionToken } from "./session-token";

const IDLE_SECONDS = 30 * 60;
const T0 = Date.parse("2026-11-25T08:00:00Z");
const minutes = (n: number) => T0 + n * 60_000;

describe("session token rules", () => {
  const issued = issueSessionToken(
    { email: "a@x.test" },
    { id: "user-1", sessionVersion: 3, sessionId: "session-1" },
    T0,
  );

  test("sign-in puts the user id and session version in the token", () => {
    expect(issued).toMatchObject({
      sub: "user-1",
      sv: 3,
      sid: "session-1",
      activeAt: T0,
      signedInAt: T0,
      idle: false,
      email: "a@x.test",
    });
    expect(claimsOf(issued)).toEqual({ userId: "user-1", sessionVersion: 3, sessionId: "session-1" });
  });

  test("use within the idle limit keeps the session and moves the activity time", () => {
    const touched = touchSessionToken(issued, minutes(29), IDLE_SECONDS);
    expect(touched.activeAt).toBe(minutes(29));
    // Activity keeps it alive well past the first 30 minutes (rolling, not absolute).
    const later = touchSessionToken(touched, minutes(58), IDLE_SECONDS);
    expect(claimsOf(later)).toEqual({ userId: "user-1", sessionVersion: 3, sessionId: "session-1" });
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

  test("the absolute lifetime (12 h by default) ends a session however active it was", () => {
    let token = issued;
    for (let minute = 20; minute <= 12 * 60; minute += 20)
      token = touchSessionToken(token, minutes(minute), IDLE_SECONDS);
    expect(claimsOf(token)).not.toBeNull(); // exactly 12 h after sign-in, used every 20 minutes
    const past = touchSessionToken(token, minutes(12 * 60) + 1, IDLE_SECONDS);
    expect(claimsOf(past)).toBeNull();
    expect(claimsOf(touchSessionToken(past, minutes(12 * 60 + 1), IDLE_SECONDS))).toBeNull();
    // A configured lifetime applies instead.
    expect(
      claimsOf(
        touchSessionToken(touchSessionToken(issued, minutes(20), IDLE_SECONDS), minutes(61), IDLE_SECONDS, 3600),
      ),
    ).toBeNull();
  });

  test("tokens without a server-side session id or sign-in time are refused", () => {
    expect(claimsOf({ ...issued, sid: undefined })).toBeNull();
    expect(claimsOf(touchSessionToken({ ...issued, signedInAt: undefined }, T0, IDLE_SECONDS))).toBeNull();
  });
});
