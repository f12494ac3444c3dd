import pg from "pg";

/**
 * One statement on a connection of its own, closed after it: for tests that reach a server they
 * started or a restored copy, outside the test database's pool.
 */
export async function queryOnce(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}
