import { describe, expect, test } from "vitest";
import { compareIds, KeptRows, type RowChanges } from "./kept-rows";

type Row = { id: string; key: string; version: number };

/**
 * A table in memory with change tracking as PostgreSQL gives it (a transaction id per write):
 * KeptRows against it, after random writes, keeps exactly the rows and the order a full sort gives.
 */
function fakeTable() {
  const rows = new Map<string, Row & { xid: number }>();
  let xid = 1;
  let origin = "db-1";
  return {
    write(id: string, key: string) {
      rows.set(id, { id, key, version: (rows.get(id)?.version ?? 0) + 1, xid: xid++ });
    },
    remove(id: string) {
      rows.set(id, { ...rows.get(id)!, key: "", version: -1, xid: xid++ });
    },
    restart: () => (origin = `db-${xid}`),
    read: async (since: string | null): Promise<RowChanges<Row>> => ({
      xmin: String(xid),
      origin,
      members: [...rows.values()].filter((r) => r.version > 0).length,
      rows: [...rows.values()]
        .filter((r) => (since === null ? r.version > 0 : r.xid >= Number(since)))
        .map(({ id, key, version }) => ({ id, value: version > 0 ? { id, key, version } : null })),
    }),
    expected: () =>
      [...rows.values()]
        .filter((r) => r.version > 0)
        .map(({ id, key, version }) => ({ id, key, version }))
        .sort((a, b) => a.key.localeCompare(b.key) || compareIds(a.id, b.id)),
  };
}

describe("KeptRows", () => {
  test("random writes, removals and equal keys: the kept order is a full sort's, reading only what changed", async () => {
    const table = fakeTable();
    const kept = new KeptRows<Row>(table.read, {
      idOf: (r) => r.id,
      compare: (a, b) => a.key.localeCompare(b.key) || compareIds(a.id, b.id),
    });
    let seed = 7;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 200; i++) table.write(`p${i}`, `k${random(50)}`);
    expect((await kept.current()).ordered).toEqual(table.expected());
    expect(kept.lastRefresh).toEqual({ kind: "full", rowsRead: 200 });
    for (let round = 0; round < 50; round++) {
      const writes = 1 + random(4);
      for (let w = 0; w < writes; w++) {
        const id = `p${random(260)}`;
        if (random(5) === 0 && table.expected().some((r) => r.id === id)) table.remove(id);
        else table.write(id, `k${random(50)}`);
      }
      const before = (await kept.current()).ordered;
      expect(before).toEqual(table.expected());
      expect(kept.lastRefresh?.kind).toBe("changes");
    }
  });

  test("a new origin reads everything again; unchanged, the order is the same array", async () => {
    const table = fakeTable();
    const kept = new KeptRows<Row>(table.read, { idOf: (r) => r.id, compare: (a, b) => compareIds(a.id, b.id) });
    table.write("a", "x");
    const first = (await kept.current()).ordered;
    expect((await kept.current()).ordered).toBe(first);
    table.restart();
    table.write("b", "y");
    expect((await kept.current()).ordered).toEqual(table.expected());
    expect(kept.lastRefresh?.kind).toBe("full");
  });
});
