/** A number for display with a fixed number of decimals, or an em dash when there is none. */
export function formatNumber(value: number | null | undefined, decimals: number): string {
  return typeof value === "number" && Number.isFinite(value) ? value.toFixed(decimals) : "\u2014";
}
