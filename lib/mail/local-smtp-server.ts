import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export interface LocalSmtpServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A local SMTP server for demo mode and tests (no mail leaves the machine): every message it
 * receives is written to `dir` as <time>-<n>.eml, where the e2e tests read what was sent.
 * No TLS and no authentication: it listens on localhost only.
 */
export async function startLocalSmtpServer(options: {
  port: number;
  dir: string;
  log?: (line: string) => void;
}): Promise<LocalSmtpServer> {
  await mkdir(options.dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const file = path.join(options.dir, `${new Date().toISOString().replaceAll(":", "-")}-${++count}.eml`);
        writeFile(file, Buffer.concat(chunks)).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  options.log?.(`Local SMTP server on port ${port}; received mail is written to ${options.dir}.`);
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
