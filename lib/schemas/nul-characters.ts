/**
 * PostgreSQL cannot store the NUL character (U+0000) in text or JSONB values, so a string
 * holding one would fail deep inside the write as a server error. Found before the write,
 * it is a field error like any other invalid input.
 */
export const NUL_CHARACTER_MESSAGE = "Remove the invisible control character (U+0000) from this text";

/** Field errors, keyed by dotted path, for every string in `value` that contains U+0000. */
export function findNulCharacters(value: unknown, path: readonly (string | number)[] = []): Record<string, string[]> {
  if (typeof value === "string") return value.includes("\u0000") ? { [path.join(".") || "value"]: [NUL_CHARACTER_MESSAGE] } : {};
  if (Array.isArray(value)) return Object.assign({}, ...value.map((item, index) => findNulCharacters(item, [...path, index])));
  if (typeof value === "object" && value !== null) {
    return Object.assign({}, ...Object.entries(value).map(([key, item]) => findNulCharacters(item, [...path, key])));
  }
  return {};
}
