import { PROJECTION_TABLE_NAMES, type ProjectionTableName } from "@/lib/forms/projections";
import type { TestDatabase } from "./test-database";

export type TypedTablesSnapshot = Record<ProjectionTableName, string[]>;

/** Columns the database keeps for the readers' change tracking, not written by the projections. */
export const CHANGE_TRACKED_TABLES: readonly string[] = ["adverse_events", "lab_results"];

/**
 * Every row of every typed table without its generated id (nor the transaction that wrote it),
 * as sorted JSON text: two snapshots are equal exactly when the tables hold the same rows (the
 * same number of each).
 */
export async function snapshotTypedTables(db: Pick<TestDatabase, "query">): Promise<TypedTablesSnapshot> {
  const snapshot = {} as TypedTablesSnapshot;
  for (const table of PROJECTION_TABLE_NAMES) {
    const { rows } = await db.query<{ row: string }>(
      `SELECT (to_jsonb(t) - 'id' - 'change_xid')::text AS "row" FROM "${table}" t`,
    );
    snapshot[table] = rows.map((r) => r.row).sort();
  }
  return snapshot;
}

export const countRows = (snapshot: TypedTablesSnapshot) =>
  Object.fromEntries(PROJECTION_TABLE_NAMES.map((t) => [t, snapshot[t].length]));
