import { describe, expect, test, vi } from "vitest";
import { createAuthLogger, SESSION_ENDED } from "./auth-logger";

function capture() {
  const out = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  return { out, logger: createAuthLogger(out) };
}

describe("next-auth's logger", () => {
  test("an ended session presented again is one info line, without a stack", () => {
    const { out, logger } = capture();
    logger.error!("JWT_SESSION_ERROR", { error: new Error(SESSION_ENDED), message: SESSION_ENDED } as never);
    logger.error!("JWT_SESSION_ERROR", new Error(SESSION_ENDED) as never);
    expect(out.error).not.toHaveBeenCalled();
    expect(out.info).toHaveBeenCalledTimes(2);
    expect(out.info.mock.calls[0]![0]).not.toMatch(/at /);
  });

  test("any other error is still logged as an error", () => {
    const { out, logger } = capture();
    const broken = new Error("decryption failed");
    logger.error!("JWT_SESSION_ERROR", broken as never);
    logger.error!("SIGNIN_OAUTH_ERROR", new Error(SESSION_ENDED) as never);
    expect(out.error).toHaveBeenCalledTimes(2);
    expect(out.error.mock.calls[0]).toEqual(["[next-auth][error][JWT_SESSION_ERROR]", broken]);
  });
});
