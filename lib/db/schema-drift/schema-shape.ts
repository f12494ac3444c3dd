/**
 * A database schema reduced to what Prisma's migrations decide: built once from
 * schema.prisma (expected-schema.ts) and once from the live catalog (introspect.ts), then
 * compared (diff-schemas.ts).
 */
export interface ColumnShape {
  type: string;
  nullable: boolean;
  /** Normalized default expression, or null for none. */
  default: string | null;
}

export interface IndexShape {
  columns: string[];
  unique: boolean;
  primary: boolean;
}

export interface ForeignKeyShape {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  /** Keyed by index or constraint name (primary keys are indexes named *_pkey). */
  indexes: Record<string, IndexShape>;
  foreignKeys: Record<string, ForeignKeyShape>;
}

export interface SchemaShape {
  tables: Record<string, TableShape>;
  enums: Record<string, string[]>;
}

/** Strips casts and identifier quotes so `'A'::"Role"` and `'A'` compare equal. */
export function normalizeDefault(expression: string | null): string | null {
  if (expression === null) return null;
  let value = expression.trim();
  if (/^nextval\(/i.test(value)) return "autoincrement";
  value = value.replace(/::[\w" ]+(\[\])?(\(\d+(,\d+)?\))?$/g, "");
  if (/^now\(\)$/i.test(value)) return "CURRENT_TIMESTAMP";
  return value;
}
