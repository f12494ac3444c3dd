/**
 * Whether an error means "the database cannot be reached right now" (server stopped or
 * restarting, connection refused or cut, pool exhausted), as opposed to a bug. Such a
 * request is answered 503 with Retry-After, and the pool reconnects by itself once the
 * server is back. Prisma wraps the driver's error, so the whole cause chain is inspected.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// PostgreSQL SQLSTATE: 57P01-03 admin/crash shutdown and "starting up", 53300 too many connections.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
// @prisma/driver-adapter-utils error kinds for the same conditions.
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseDoesNotExist",
]);
const MESSAGES =
  /Code: `(57P0[123]|53300|08\w{3})`|Server has closed the connection|Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database|Unable to start a transaction in the given time|Client has encountered a connection error|the database system is (shutting down|starting up)/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length && seen < 12; seen++) {
    const current = pending.shift();
    if (!current || typeof current !== "object") continue;
    const candidate = current as {
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      originalCode?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (
      typeof candidate.code === "string" &&
      (PRISMA_CODES.has(candidate.code) ||
        SQLSTATES.has(candidate.code) ||
        NODE_CODES.has(candidate.code) ||
        candidate.code.startsWith("08"))
    )
      return true;
    if (
      typeof candidate.originalCode === "string" &&
      (SQLSTATES.has(candidate.originalCode) || candidate.originalCode.startsWith("08"))
    )
      return true;
    if (typeof candidate.kind === "string" && ADAPTER_KINDS.has(candidate.kind)) return true;
    if (typeof candidate.message === "string" && MESSAGES.test(candidate.message)) return true;
    // Prisma keeps the driver adapter's error (with its kind and SQLSTATE) in meta, not in cause.
    pending.push(candidate.cause, candidate.meta?.driverAdapterError);
  }
  return false;
}

/** One line for the log: Prisma's messages start with blank lines and the call site. */
export function summarizeDatabaseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .pop() ?? "unknown error"
  );
}

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable right now. Try again in a moment.";
