import { connect } from "node:net";
import path from "node:path";

/**
 * The e2e server's ports and data folder, shared by playwright.config.ts and the specs that
 * look behind the browser (the local SMTP server's mail folder and its switch).
 */
export const e2ePort = () => Number(process.env.E2E_PORT ?? 3100);
export const e2eSmtpPort = () => Number(process.env.E2E_SMTP_PORT ?? e2ePort() + 1000);
export const E2E_DATA_DIR = path.join(".data", "e2e");

/** Whether something accepts connections on the local port (refused: nothing listens). Hangs up at once. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
