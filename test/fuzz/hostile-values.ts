import fc from "fast-check";

/**
 * Shared fast-check material for the bad-input fuzz tests (issue 8, resilience 3): values an
 * attacker or a broken client may send in any field, and a way to put one into an otherwise
 * valid payload.
 */
export const HOSTILE_STRINGS = [
  "'; DROP TABLE crf_records; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "${7*7}{{7*7}}",
  "\u0000",
  "\uD800",
  "../../etc/passwd",
  "x".repeat(300_000),
  "9".repeat(400),
  "1e309",
  "NaN",
  "-0",
  "2026-02-30",
  "0000-00-00",
  "2026-01-01T00:00:00Z",
  "null",
  "undefined",
];

export const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 50 }),
  fc.double(),
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 31, -(2 ** 63), 1e7 + 1, -1, 0),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.anything({ maxDepth: 2 }), { maxKeys: 5 }),
  fc.constant({ __proto__: { polluted: true } }),
);

/** A valid payload with one field (possibly nested) replaced by a hostile value. */
export function mutate(valid: Record<string, unknown>, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const child = valid[head!];
  return {
    ...valid,
    [head!]:
      rest.length && child && typeof child === "object" ? mutate(child as Record<string, unknown>, rest, value) : value,
  };
}

/** Every field path of a payload, nested objects included (arrays count as one field). */
export function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => [
    [...prefix, key],
    ...leafPaths(child, [...prefix, key]).filter((p) => p.length > prefix.length + 1),
  ]);
}
