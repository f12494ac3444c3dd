import type { ItemSpec } from "@/lib/export/form-layout";

/** The CSV export's formula guard (lib/export/csv-cell.ts) put an apostrophe before these. */
const GUARDED = /^'[=+\-@\t\r]/;

function typed(item: ItemSpec, text: string): unknown {
  switch (item.type) {
    case "integer":
    case "float": {
      // A cell that is not a number is passed on as text: the form's schema then names the field.
      const number = Number(text);
      return text.trim() !== "" && Number.isFinite(number) ? number : text;
    }
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    default:
      return text;
  }
}

/**
 * One exported value read back: the inverse of toCsvCell and of the ODM ItemData Value for
 * an item of the form layout. Empty means "not answered" (undefined: the key is left out and
 * the form's schema decides), except for a list, which is then empty.
 */
export function parseItemValue(item: ItemSpec, cell: string | null | undefined): unknown {
  const text = cell ?? "";
  if (text === "") return item.multiple ? [] : undefined;
  const unguarded = GUARDED.test(text) ? text.slice(1) : text;
  if (item.multiple) return unguarded.split("; ").map((part) => typed(item, part));
  return typed(item, unguarded);
}

/** Sets a dotted path in nested data, creating the objects on the way. */
export function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  if (value === undefined) return;
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== "object" || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}
