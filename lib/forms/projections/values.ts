/**
 * Stored values as the typed tables take them. The data were validated when saved, but the
 * computed values are an open JSON object (FormDefinition.compute) and records saved under an
 * older form version may lack a newer field: a missing or mistyped value becomes null, never
 * a wrong value.
 */
export const numberOrNull = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;
export const stringOrNull = (value: unknown): string | null =>
  typeof value === "string" && value !== "" ? value : null;
export const booleanOrNull = (value: unknown): boolean | null => (typeof value === "boolean" ? value : null);
export const yesNo = (value: unknown): boolean | null => (value === "yes" ? true : value === "no" ? false : null);
export const objectOf = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
