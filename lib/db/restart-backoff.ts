/**
 * Wait before the n-th attempt (1-based) to start a crashed database again: quick at first,
 * because a postmaster killed by the OOM killer is usually startable as soon as its orphaned
 * backends have exited (they hold its shared memory for a few milliseconds), then doubling up
 * to a ceiling, so a server that cannot start (disk full, port taken) is not hammered.
 */
export function restartDelayMs(attempt: number, firstMs = 200, ceilingMs = 30_000): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`attempt must be a positive integer, not ${attempt}`);
  return Math.min(ceilingMs, firstMs * 2 ** (attempt - 1));
}
