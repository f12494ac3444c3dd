import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./mail-sender";

describe("retryDelayMs", () => {
  it("waits 30 s after the first failure, doubling up to an hour", () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((attempts) => retryDelayMs(attempts))).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });
  it("starts from the configured wait (TRIALDESK_MAIL_RETRY_SECONDS)", () => {
    expect([1, 2, 3].map((attempts) => retryDelayMs(attempts, 1000))).toEqual([1000, 2000, 4000]);
  });
});
