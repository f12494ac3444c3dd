/** react-hook-form `setValueAs` for numeric inputs: empty is null (not entered), text becomes a number (NaN fails the schema). */
export function asNumberOrNull(value: unknown): number | null {
  if (value === "" || value === null || value === undefined) return null;
  return typeof value === "number" ? value : Number(value);
}

/** A number for display with a fixed number of decimals, or an em dash when there is none. */
export function formatNumber(value: number | null | undefined, decimals: number): string {
  return typeof value === "number" && Number.isFinite(value) ? value.toFixed(decimals) : "\u2014";
}
