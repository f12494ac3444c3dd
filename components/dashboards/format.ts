/** Display helpers for dashboard figures: months to one decimal, "NR" when not reached. */
export const formatMonths = (value: number | null) => (value === null ? "NR" : value.toFixed(1));
export const formatPercent = (fraction: number) => `${(100 * fraction).toFixed(1)}%`;
export const formatP = (p: number) => (p < 0.001 ? "< 0.001" : p.toFixed(3));
export const SITE_STYLES = [
  { color: "#1f5fa8", dash: undefined },
  { color: "#c2410c", dash: "6 3" },
  { color: "#6d28d9", dash: "2 3" },
  { color: "#047857", dash: "8 3 2 3" },
] as const;
