/**
 * PostgreSQL cannot store the NUL character (U+0000) in text or JSONB values, and JSONB
 * refuses a lone UTF-16 surrogate ("\ud800" arrives that way in JSON and in server-action
 * payloads). Either would fail deep inside the write as a server error; found before the
 * write, it is a field error like any other invalid input. Every server action
 * (lib/actions/define-action) and REST body (lib/api/api-route) is scanned, and the form
 * save scans its data again for writers that call lib/data directly (the demo seed, import).
 */
export const NUL_CHARACTER_MESSAGE = "Remove the invisible control character (U+0000) from this text";
export const LONE_SURROGATE_MESSAGE = "This text holds a broken character (an unpaired UTF-16 surrogate); retype it";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored, or null when it can. */
export function unstorableTextProblem(text: string): string | null {
  if (text.includes("\u0000")) return NUL_CHARACTER_MESSAGE;
  if (LONE_SURROGATE.test(text)) return LONE_SURROGATE_MESSAGE;
  return null;
}

/** Field errors, keyed by dotted path, for every string (or object key) in `value` that cannot be stored. */
export function findUnstorableText(value: unknown, path: readonly (string | number)[] = []): Record<string, string[]> {
  const here = path.join(".") || "value";
  if (typeof value === "string") {
    const problem = unstorableTextProblem(value);
    return problem ? { [here]: [problem] } : {};
  }
  if (Array.isArray(value))
    return Object.assign({}, ...value.map((item, index) => findUnstorableText(item, [...path, index])));
  if (typeof value === "object" && value !== null) {
    return Object.assign(
      {},
      ...Object.entries(value).map(([key, item]) => {
        const keyProblem = unstorableTextProblem(key);
        return keyProblem ? { [here]: [keyProblem] } : findUnstorableText(item, [...path, key]);
      }),
    );
  }
  return {};
}
