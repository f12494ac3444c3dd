import type { SchemaShape, TableShape } from "./schema-shape";

/**
 * Every difference between the schema Prisma expects and the one in the database, as
 * sentences a developer can act on. Empty means no drift.
 */
export function diffSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const problems: string[] = [];
  compareKeys("enum ", expected.enums, actual.enums, problems, (name, want, got) => {
    if (want.join(",") !== got.join(","))
      problems.push(`enum ${name}: values [${got.join(", ")}] should be [${want.join(", ")}]`);
  });
  compareKeys("table ", expected.tables, actual.tables, problems, (name, want, got) =>
    diffTable(name, want, got, problems),
  );
  return problems;
}

function compareKeys<T>(
  kind: string,
  expected: Record<string, T>,
  actual: Record<string, T>,
  problems: string[],
  compare: (name: string, expected: T, actual: T) => void,
): void {
  for (const name of Object.keys(expected)) {
    const got = actual[name];
    if (got === undefined) problems.push(`${kind}${name} is in schema.prisma but missing from the database`);
    else compare(name, expected[name]!, got);
  }
  for (const name of Object.keys(actual)) {
    if (!(name in expected)) problems.push(`${kind}${name} is in the database but not in schema.prisma`);
  }
}

function diffTable(table: string, expected: TableShape, actual: TableShape, problems: string[]): void {
  compareKeys(`column ${table}.`, expected.columns, actual.columns, problems, (column, want, got) => {
    const where = `column ${table}.${column}`;
    if (want.type !== got.type) problems.push(`${where}: type ${got.type} should be ${want.type}`);
    if (want.nullable !== got.nullable)
      problems.push(
        `${where}: ${got.nullable ? "nullable" : "NOT NULL"} should be ${want.nullable ? "nullable" : "NOT NULL"}`,
      );
    if (want.default !== got.default)
      problems.push(`${where}: default ${got.default ?? "none"} should be ${want.default ?? "none"}`);
  });
  compareKeys(`index ${table}.`, expected.indexes, actual.indexes, problems, (name, want, got) => {
    if (JSON.stringify(want) !== JSON.stringify(got))
      problems.push(`index ${name}: ${JSON.stringify(got)} should be ${JSON.stringify(want)}`);
  });
  compareKeys(`foreign key ${table}.`, expected.foreignKeys, actual.foreignKeys, problems, (name, want, got) => {
    if (JSON.stringify(want) !== JSON.stringify(got))
      problems.push(`foreign key ${name}: ${JSON.stringify(got)} should be ${JSON.stringify(want)}`);
  });
}
