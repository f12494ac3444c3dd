import "server-only";
import { getFormProjection, PROJECTION_TABLES, type ProjectionTableName } from "@/lib/forms/projections";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A saved form as the typed tables are derived from it: its stored data and computed values. */
export interface ProjectionSource {
  id: string;
  patientId: string;
  formType: string;
  data: unknown;
  computed: unknown;
  /** A withdrawn (soft-deleted) form has no rows in the typed tables. */
  withdrawn: boolean;
}

/**
 * A data-modifying CTE another per-patient table adds to the same statement (the efficacy
 * facts, lib/data/efficacy-facts.ts): `param` binds a value and returns its placeholder.
 */
export interface ExtraCte {
  name: string;
  sql: (param: (value: unknown) => string) => string;
}

/** JSONB drops undefined members: project what the database holds, so a rebuild gives the same rows. */
const asStored = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

const quote = (name: string) => `"${name}"`;

/**
 * Replaces the typed-table rows of the given forms with their projections, in ONE statement:
 * a DELETE of each form's rows and a multi-row INSERT per table (rows passed as one JSON array
 * per table, typed by jsonb_to_recordset), all as data-modifying CTEs. Every CTE sees the same
 * snapshot, so the DELETEs never see the rows inserted beside them; the typed tables have no
 * unique key besides their generated id, so the two never conflict. Called inside the save's
 * transaction (the caller's `tx`), so the rows commit or roll back with the form itself.
 */
export async function replaceProjections(
  tx: Prisma.TransactionClient,
  sources: readonly ProjectionSource[],
  extras: readonly ExtraCte[] = [],
): Promise<void> {
  const tables = new Set<ProjectionTableName>();
  const rows = new Map<ProjectionTableName, Record<string, unknown>[]>();
  const ids: string[] = [];
  for (const source of sources) {
    const projection = getFormProjection(source.formType);
    if (!projection) continue;
    ids.push(source.id);
    for (const table of projection.tables) tables.add(table);
    if (source.withdrawn) continue;
    const computed = asStored(source.computed);
    const projected = projection.project(
      asStored(source.data),
      typeof computed === "object" && computed !== null ? (computed as Record<string, unknown>) : {},
    );
    for (const [table, tableRows] of Object.entries(projected) as [ProjectionTableName, Record<string, unknown>[]][]) {
      if (!projection.tables.includes(table))
        throw new Error(`The ${source.formType} projection wrote ${table}, which it does not declare`);
      const list = rows.get(table) ?? [];
      for (const row of tableRows) list.push({ ...row, patient_id: source.patientId, crf_record_id: source.id });
      rows.set(table, list);
    }
  }
  if (ids.length === 0 && extras.length === 0) return;
  // $1 is the forms' ids when there are any (an unused parameter has no type PostgreSQL can infer).
  const params: unknown[] = ids.length > 0 ? [ids] : [];
  const ctes = [...tables].map(
    (table, i) => `"delete_${i}" AS (DELETE FROM ${quote(table)} WHERE "crf_record_id" = ANY($1::uuid[]))`,
  );
  [...rows.entries()].forEach(([table, tableRows], i) => {
    if (tableRows.length === 0) return;
    params.push(JSON.stringify(tableRows));
    const columns = Object.entries(PROJECTION_TABLES[table]) as [string, string][];
    const names = ["patient_id", "crf_record_id", ...columns.map(([name]) => name)].map(quote).join(", ");
    const types = [
      "patient_id uuid",
      "crf_record_id uuid",
      ...columns.map(([name, type]) => `${quote(name)} ${type}`),
    ].join(", ");
    ctes.push(
      `"insert_${i}" AS (INSERT INTO ${quote(table)} (${names}) SELECT ${names} FROM jsonb_to_recordset($${params.length}::jsonb) AS r(${types}))`,
    );
  });
  for (const extra of extras)
    ctes.push(
      `"${extra.name}" AS (${extra.sql((value) => {
        params.push(value);
        return `$${params.length}`;
      })})`,
    );
  await tx.$executeRawUnsafe(`WITH ${ctes.join(",\n")} SELECT 1`, ...params);
}
