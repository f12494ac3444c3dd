import "server-only";
import { bisector } from "d3-array";

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
  /** Every row in the order asked for; shared with every caller, so replaced, never changed. */
  ordered: readonly T[];
}

type Kept<T> = KeptState<T> & { xmin: string; origin: string; rows: Map<string, T> };

/** Ids in code-unit order: the last key of every kept order, so two rows compare equal only when they are one. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
    /** A total order: `compare` gives 0 only for two versions of one row (end it with compareIds). */
    private readonly order: { idOf: (row: T) => string; compare: (a: T, b: T) => number },
  ) {
    this.firstAfter = bisector(order.compare).right;
  }

  /** Where a row goes in the order: after every row that does not sort after it. */
  private readonly firstAfter: (ordered: readonly T[], value: T) => number;

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
    // The map is this class's alone (refreshes run one at a time), so it is changed in place; the
    // order is shared with callers, so it is copied (at 100,000 rows copying the map and filtering
    // the order took ~110 ms per save).
    const rows = kept.rows;
    const ordered = changes.rows.length > PATCHED_AT_MOST ? null : kept.ordered.slice();
    for (const { id, value } of changes.rows) {
      const before = rows.get(id);
      if (ordered && before !== undefined && !this.remove(ordered, before)) return this.fullRead();
      if (value === null) rows.delete(id);
      else {
        rows.set(id, value);
        if (ordered) ordered.splice(this.firstAfter(ordered, value), 0, value);
      }
    }
    if (rows.size !== changes.members) return this.fullRead();
    return (this.kept = { xmin: changes.xmin, origin: kept.origin, rows, ordered: ordered ?? this.sorted(rows) });
  }

  private sorted(rows: ReadonlyMap<string, T>): T[] {
    return [...rows.values()].sort(this.order.compare);
  }

  /** Takes this very row out of the order (found by halving, then among its equals); false if absent. */
  private remove(ordered: T[], row: T): boolean {
    const id = this.order.idOf(row);
    for (let i = this.firstAfter(ordered, row) - 1; i >= 0 && this.order.compare(ordered[i]!, row) === 0; i--)
      if (this.order.idOf(ordered[i]!) === id) {
        ordered.splice(i, 1);
        return true;
      }
    return false;
  }

  private async fullRead(): Promise<Kept<T>> {
    const read = await this.readRows(null);
    this.lastRefresh = { kind: "full", rowsRead: read.rows.length };
    const rows = new Map<string, T>();
    for (const { id, value } of read.rows) if (value !== null) rows.set(id, value);
    return (this.kept = { xmin: read.xmin, origin: read.origin, rows, ordered: this.sorted(rows) });
  }
}
