import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalSmtpServer } from "./local-smtp-server";
import { armLocalSmtpSwitch, isLocalSmtpSwitchEnabled, localSmtpSwitchFile } from "./local-smtp-switch";

/** Whether something accepts connections on the port (refused: nothing listens). Hangs up at once, so a close never waits for it. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "trialdesk-smtp-switch-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the e2e switch of the local SMTP server", () => {
  it("is armed only in demo mode with TRIALDESK_E2E_SMTP_SWITCH=1", () => {
    expect(isLocalSmtpSwitchEnabled("demo", { TRIALDESK_E2E_SMTP_SWITCH: "1" })).toBe(true);
    expect(isLocalSmtpSwitchEnabled("production", { TRIALDESK_E2E_SMTP_SWITCH: "1" })).toBe(false);
    expect(isLocalSmtpSwitchEnabled("demo", {})).toBe(false);
  });

  it("stops the server while the file exists and starts it again on the same port when it goes", async () => {
    const file = localSmtpSwitchFile(dir);
    // A file left by an interrupted run does not keep the server stopped.
    await writeFile(file, "");
    const start = (port: number) => startLocalSmtpServer({ port, dir: path.join(dir, "mail") });
    const first = await start(0);
    const server = armLocalSmtpSwitch({
      file,
      server: first,
      start: () => start(first.port),
      log: () => {},
      intervalMs: 20,
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await listening(first.port)).toBe(true);
      await writeFile(file, "");
      await expect.poll(() => listening(first.port), { timeout: 5000 }).toBe(false);
      await rm(file);
      await expect.poll(() => listening(first.port), { timeout: 5000 }).toBe(true);
    } finally {
      await server.close();
    }
    expect(await listening(first.port)).toBe(false);
  });
});
