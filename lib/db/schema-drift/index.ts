import { readFile } from "node:fs/promises";
import type pg from "pg";
import { diffSchemas } from "./diff-schemas";
import { buildExpectedSchema } from "./expected-schema";
import { introspectDatabase } from "./introspect";

export { buildExpectedSchema, diffSchemas, introspectDatabase };

/** Differences between prisma/schema.prisma and the database the client is connected to. */
export async function findSchemaDrift(
  client: Pick<pg.Client, "query">,
  schemaPath = "prisma/schema.prisma",
): Promise<string[]> {
  const expected = buildExpectedSchema(await readFile(schemaPath, "utf8"));
  return diffSchemas(expected, await introspectDatabase(client));
}
