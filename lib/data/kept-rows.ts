import "server-only";

/**
 * What one read of a change-tracked table gives (migrations 20261210000000_cohort_change_xids and
 * 20261211000000_schedule_facts_change_xid): the snapshot's xmin, where the rows come from, how
 * many rows there are now, and the rows written since the previous read (every row on a full
 * read), null for a row that is no longer one (a patient deleted, say).
 */
export interface RowChanges<T> {
  xmin: string;
  origin: string;
  members: number;
  rows: { id: string; value: T | null }[];
}

export interface KeptState<T> {
  rows: ReadonlyMap<string, T>;
  /** Every row in the order asked for; shared with every caller, so replaced, never changed. */
  ordered: readonly T[];
}

type Kept<T> = KeptState<T> & { xmin: string; origin: string };

/** Rows changed at once beyond which the order is sorted again whole rather than patched. */
const PATCHED_AT_MOST = 1_000;

/**
 * Rows kept in the process and brought up to date by reading only those written since the
 * last read (issue 14 item 5). A read asks for the rows whose change_xid (the transaction that
 * last wrote them) is at or after the previous read's snapshot xmin: a transaction below that
 * xmin had ended before the previous read, which therefore saw it. Should the row count differ
 * from what is kept (a row removed some other way than an update), or the origin (the database,
 * its start, the sites' codes: a restore brings transaction ids back), everything is read again.
 */
export class KeptRows<T> {
  private kept: Kept<T> | null = null;
  private refreshing: Promise<KeptState<T>> | null = null;
  /** How the last refresh went: every row read, or only the changed ones (benchmarks and tests). */
  lastRefresh: { kind: "full" | "changes"; rowsRead: number } | null = null;

  constructor(
    private readonly readRows: (since: string | null) => Promise<RowChanges<T>>,
    private readonly order: { idOf: (row: T) => string; compare: (a: T, b: T) => number },
  ) {}

  /** The rows as of now. One refresh at a time: concurrent callers share it, each applies on the one before. */
  current(): Promise<KeptState<T>> {
    const previous = this.refreshing ?? Promise.resolve(null);
    const next = previous
      .catch(() => null)
      .then(() => this.update())
      .finally(() => {
        if (this.refreshing === next) this.refreshing = null;
      });
    this.refreshing = next;
    return next;
  }

  /** Forgets everything kept (benchmarks: the next read is a full one). */
  clear(): void {
    this.kept = null;
  }

  private async update(): Promise<Kept<T>> {
    const kept = this.kept;
    if (!kept) return this.fullRead();
    const changes = await this.readRows(kept.xmin);
    if (changes.origin !== kept.origin) return this.fullRead();
    this.lastRefresh = { kind: "changes", rowsRead: changes.rows.length };
    if (changes.rows.length === 0) return (this.kept = { ...kept, xmin: changes.xmin });
    const rows = new Map(kept.rows);
    for (const { id, value } of changes.rows) {
      if (value === null) rows.delete(id);
      else rows.set(id, value);
    }
    if (rows.size !== changes.members) return this.fullRead();
    const ordered =
      changes.rows.length > PATCHED_AT_MOST ? this.sorted(rows) : this.patched(kept.ordered, changes.rows);
    return (this.kept = { xmin: changes.xmin, origin: kept.origin, rows, ordered });
  }

  private sorted(rows: ReadonlyMap<string, T>): T[] {
    return [...rows.values()].sort(this.order.compare);
  }

  /** The kept order without the changed rows, each changed row that remains put in its place. */
  private patched(ordered: readonly T[], changed: RowChanges<T>["rows"]): T[] {
    const ids = new Set(changed.map((row) => row.id));
    const next = ordered.filter((row) => !ids.has(this.order.idOf(row)));
    for (const { value } of changed) {
      if (value === null) continue;
      let low = 0;
      let high = next.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (this.order.compare(next[middle]!, value) <= 0) low = middle + 1;
        else high = middle;
      }
      next.splice(low, 0, value);
    }
    return next;
  }

  private async fullRead(): Promise<Kept<T>> {
    const read = await this.readRows(null);
    this.lastRefresh = { kind: "full", rowsRead: read.rows.length };
    const rows = new Map<string, T>();
    for (const { id, value } of read.rows) if (value !== null) rows.set(id, value);
    return (this.kept = { xmin: read.xmin, origin: read.origin, rows, ordered: this.sorted(rows) });
  }
}
