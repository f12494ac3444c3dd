import { describe, expect, test } from "vitest";
import { groupWaterfall } from "./waterfall-groups";
import type { WaterfallBar } from "./waterfall-swimmer";

const bar = (
  i: number,
  bestPctChange: number,
  bestOverallResponse: WaterfallBar["bestOverallResponse"],
): WaterfallBar => ({ subjectId: `S-${i}`, bestPctChange, bestOverallResponse });

describe("groupWaterfall", () => {
  test("one group per patient when they fit", () => {
    const groups = groupWaterfall([bar(1, 40, "PD"), bar(2, -35, "PR")], 10);
    expect(groups.map((g) => [g.first, g.last, g.pctChange, g.bestOverallResponse])).toEqual([
      [1, 1, 40, "PD"],
      [2, 2, -35, "PR"],
    ]);
  });

  test("consecutive patients at their median, the most frequent response, every patient in one group", () => {
    const bars = [
      bar(1, 50, "PD"),
      bar(2, 30, "PD"),
      bar(3, 20, "SD"),
      bar(4, 10, "SD"),
      bar(5, 0, "SD"),
      bar(6, -40, "PR"),
      bar(7, -50, "PR"),
    ];
    const groups = groupWaterfall(bars, 3);
    expect(
      groups.map((g) => ({
        first: g.first,
        last: g.last,
        pct: g.pctChange,
        bor: g.bestOverallResponse,
        min: g.minPct,
        max: g.maxPct,
      })),
    ).toEqual([
      { first: 1, last: 3, pct: 30, bor: "PD", min: 20, max: 50 },
      { first: 4, last: 6, pct: 0, bor: "SD", min: -40, max: 10 },
      { first: 7, last: 7, pct: -50, bor: "PR", min: -50, max: -50 },
    ]);
    expect(groups.reduce((n, g) => n + Object.values(g.counts).reduce((a, b) => a + b, 0), 0)).toBe(bars.length);
  });

  test("a tie goes to the better response; an even group stands at the mean of its middle two", () => {
    const [group] = groupWaterfall([bar(1, 10, "PD"), bar(2, -40, "PR")], 1);
    expect(group).toMatchObject({ bestOverallResponse: "PR", pctChange: -15 });
  });
});
