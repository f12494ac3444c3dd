import type { Response } from "@/lib/domain/recist";
import type { WaterfallBar } from "./waterfall-swimmer";

const ORDER: readonly Response[] = ["CR", "PR", "SD", "PD", "NE"];

export interface WaterfallGroup {
  /** Positions (1-based) of the group's first and last patient in the sorted waterfall. */
  first: number;
  last: number;
  /** The group's median best % change (the patient's own value for a group of one). */
  pctChange: number;
  minPct: number;
  maxPct: number;
  /** The best response most of the group had (ties: the better response). */
  bestOverallResponse: Response;
  counts: Partial<Record<Response, number>>;
}

/**
 * A waterfall of more patients than the chart has room for, as at most `maxGroups` bars of
 * consecutive patients in the sorted order: the shape of the distribution is kept (each bar
 * stands at its group's median), and every patient stays in exactly one group. Up to
 * `maxGroups` patients, one bar each, as before.
 */
export function groupWaterfall(bars: readonly WaterfallBar[], maxGroups: number): WaterfallGroup[] {
  const size = Math.max(1, Math.ceil(bars.length / maxGroups));
  const groups: WaterfallGroup[] = [];
  for (let start = 0; start < bars.length; start += size) {
    const members = bars.slice(start, start + size);
    const values = members.map((b) => b.bestPctChange).sort((a, b) => a - b);
    const mid = values.length >> 1;
    const counts: Partial<Record<Response, number>> = {};
    for (const b of members) counts[b.bestOverallResponse] = (counts[b.bestOverallResponse] ?? 0) + 1;
    const most = ORDER.filter((r) => counts[r]).reduce((best, r) => (counts[r]! > counts[best]! ? r : best));
    groups.push({
      first: start + 1,
      last: start + members.length,
      pctChange: values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2,
      minPct: values[0]!,
      maxPct: values.at(-1)!,
      bestOverallResponse: most,
      counts,
    });
  }
  return groups;
}
