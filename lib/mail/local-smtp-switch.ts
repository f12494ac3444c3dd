import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import type { LocalSmtpServer } from "./local-smtp-server";

/**
 * The file that stops the local SMTP server while it exists, in the app's data folder. Only
 * `npm start` in demo mode with TRIALDESK_E2E_SMTP_SWITCH=1 (set by playwright.config.ts) looks
 * at it: the e2e tests stop the mail server to show that a save succeeds while it is down and the
 * mail goes out once it is back (issue 18). No route of the app reaches it, production mode has
 * no local SMTP server, and whoever can write the data folder owns the database already.
 */
export const localSmtpSwitchFile = (dataDir: string) => path.join(dataDir, "local-smtp-stopped");

/** Whether `npm start` arms the switch: demo mode and the e2e setting only. */
export function isLocalSmtpSwitchEnabled(mode: string, env: Record<string, string | undefined> = process.env): boolean {
  return mode === "demo" && env.TRIALDESK_E2E_SMTP_SWITCH === "1";
}

/**
 * Watches the switch file (every `intervalMs`): closes the running server when the file appears
 * and starts a new one on the same port when it goes. The returned handle's close() stops the
 * watch and whichever server runs, as `npm start` closes the local server on shutdown. A file left
 * by an earlier run that stopped half-way is removed first: the server starts running.
 */
export function armLocalSmtpSwitch(options: {
  file: string;
  server: LocalSmtpServer;
  start: () => Promise<LocalSmtpServer>;
  log: (line: string) => void;
  intervalMs?: number;
}): LocalSmtpServer {
  rmSync(options.file, { force: true });
  let current: LocalSmtpServer | null = options.server;
  let busy: Promise<void> | null = null;
  const apply = async () => {
    const stopped = existsSync(options.file);
    if (stopped && current) {
      await current.close();
      current = null;
      options.log(`Local SMTP server stopped (${options.file} exists).`);
    } else if (!stopped && !current) {
      current = await options.start();
      options.log("Local SMTP server started again.");
    }
  };
  const timer = setInterval(() => {
    busy ??= apply()
      .catch((error: unknown) => options.log(`Local SMTP switch: ${error instanceof Error ? error.message : error}`))
      .finally(() => (busy = null));
  }, options.intervalMs ?? 200);
  return {
    port: options.server.port,
    async close() {
      clearInterval(timer);
      await busy;
      await current?.close();
      current = null;
    },
  };
}
