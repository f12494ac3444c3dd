import { describe, expect, test } from "vitest";
import { restartDelayMs } from "./restart-backoff";

describe("restartDelayMs", () => {
  test("starts quickly and doubles per attempt", () => {
    expect([1, 2, 3, 4].map((attempt) => restartDelayMs(attempt))).toEqual([200, 400, 800, 1_600]);
  });
  test("never waits longer than the ceiling", () => {
    expect(restartDelayMs(9)).toBe(30_000);
    expect(restartDelayMs(200)).toBe(30_000);
    expect(restartDelayMs(3, 1_000, 2_500)).toBe(2_500);
  });
  test("refuses an attempt number that is not a positive integer", () => {
    expect(() => restartDelayMs(0)).toThrow(/positive integer/);
    expect(() => restartDelayMs(1.5)).toThrow(/positive integer/);
  });
});
