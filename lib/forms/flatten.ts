/**
 * Flattens nested form data to field paths ("answers.I3", "lesions.0.diameterMm") so the
 * audit trail records old and new values per field, as a reviewer reads them.
 */
export function flattenFields(value: unknown, prefix = ""): Record<string, unknown> {
  if (value === null || typeof value !== "object" || value instanceof Date) return prefix ? { [prefix]: value } : {};
  const out: Record<string, unknown> = {};
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) Object.assign(out, flattenFields(child, prefix ? `${prefix}.${key}` : key));
  return out;
}

/** Field-level changes between two versions of a form's data, in a stable order. */
export function diffFormData(before: unknown, after: unknown): { field: string; from: unknown; to: unknown }[] {
  const from = flattenFields(before);
  const to = flattenFields(after);
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  return fields
    .filter((field) => JSON.stringify(from[field] ?? null) !== JSON.stringify(to[field] ?? null))
    .map((field) => ({ field, from: from[field] ?? null, to: to[field] ?? null }));
}
