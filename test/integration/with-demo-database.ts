import { afterAll, beforeAll } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { openDemoDatabase, type DemoActorName } from "./demo-actors";
import type { TestDatabase } from "./test-database";

/**
 * The preamble of most integration files, as one call at the top of the file: a new migrated
 * database of the file's own with the demo sites and one actor per role, opened before the
 * file's other hooks and dropped after them. The objects are filled in by that first hook,
 * so read them inside hooks and tests: `const { db, actors, sites } = withDemoDatabase();`
 */
export function withDemoDatabase(options: { openTimeoutMs?: number } = {}) {
  const db = {} as TestDatabase;
  const actors = {} as Record<DemoActorName, Actor>;
  const sites = {} as Record<"TW01" | "TW02" | "TW03", string>;
  beforeAll(async () => {
    const opened = await openDemoDatabase();
    Object.assign(db, opened.db);
    Object.assign(actors, opened.actors);
    Object.assign(sites, opened.sites);
  }, options.openTimeoutMs);
  afterAll(() => db.drop());
  return { db, actors, sites };
}
