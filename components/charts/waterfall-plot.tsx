import { scaleBand, scaleLinear } from "d3-scale";
import { groupWaterfall } from "@/lib/analysis/waterfall-groups";
import type { WaterfallBar } from "@/lib/analysis/waterfall-swimmer";
import type { Response } from "@/lib/domain/recist";
import { AxisLeft, Legend } from "./axes";
import { ChartFrame, innerSize, type ChartSize } from "./chart-frame";

export const RESPONSE_COLORS: Readonly<Record<Response, string>> = {
  CR: "#1b7837",
  PR: "#5aae61",
  SD: "#2166ac",
  PD: "#b2182b",
  NE: "#8c8c8c",
};

/** Most bars the chart draws: about one per pixel column of the plotting area. */
export const WATERFALL_MAX_BARS = 300;

/**
 * Best % change of the target-lesion sum per patient, coloured by best overall response, with
 * the RECIST 1.0 PR (-30%) and PD (+20%) lines. Beyond WATERFALL_MAX_BARS patients each bar is a
 * group of consecutive patients (lib/analysis/waterfall-groups.ts), said in the caption: 10,000
 * bars of 0.05 px cannot be told apart and weighed megabytes.
 */
export function WaterfallPlot({ id, bars }: { id: string; bars: readonly WaterfallBar[] }) {
  const size: ChartSize = { width: 680, height: 340, margin: { top: 30, right: 20, bottom: 30, left: 64 } };
  const inner = innerSize(size);
  const groups = groupWaterfall(bars, WATERFALL_MAX_BARS);
  const grouped = groups.length < bars.length;
  const values = bars.map((b) => b.bestPctChange);
  const lowest = values.reduce((a, b) => Math.min(a, b), Infinity);
  const highest = values.reduce((a, b) => Math.max(a, b), -Infinity);
  const y = scaleLinear()
    .domain([Math.min(-100, lowest), Math.max(60, highest)])
    .nice()
    .range([inner.height, 0]);
  const x = scaleBand<number>()
    .domain(groups.map((g) => g.first))
    .range([0, inner.width])
    .padding(grouped ? 0 : 0.15);
  const count = (r: Response) => bars.reduce((n, b) => n + (b.bestOverallResponse === r ? 1 : 0), 0);
  const present = (["CR", "PR", "SD", "PD", "NE"] as const).filter((r) => count(r) > 0);
  const perGroup = groups[0] ? groups[0].last - groups[0].first + 1 : 1;
  const description = `${bars.length} patients with a measured follow-up. ${present.map((r) => `${r}: ${count(r)}`).join(", ")}. Largest decrease ${lowest.toFixed(0)}%.${grouped ? ` Each bar is a group of ${perGroup} consecutive patients at the group's median change.` : ""}`;
  const caption = grouped ? (
    <p className="muted" data-testid={`${id}-grouping`}>
      {bars.length} patients: each bar is a group of {perGroup} consecutive patients in this order, drawn at the
      group&apos;s median change and coloured by the best response most of them had.
    </p>
  ) : null;
  const round = (v: number) => Math.round(v * 10) / 10;
  return (
    <ChartFrame
      id={id}
      title="Best percentage change of the target-lesion sum from baseline"
      description={description}
      size={size}
      caption={caption}
    >
      {[20, -30].map((line) => (
        <g key={line}>
          <line x1={0} x2={inner.width} y1={y(line)} y2={y(line)} stroke="#667085" strokeDasharray="4 3" />
          <text x={inner.width} y={y(line) - 4} textAnchor="end" fill="#475467">
            {line > 0 ? "+20% (PD)" : "-30% (PR)"}
          </text>
        </g>
      ))}
      {groups.map((g) => (
        <rect
          key={g.first}
          x={round(x(g.first) ?? 0)}
          width={round(Math.max(x.bandwidth(), 0.5))}
          y={round(Math.min(y(0), y(g.pctChange)))}
          height={round(Math.max(1, Math.abs(y(g.pctChange) - y(0))))}
          fill={RESPONSE_COLORS[g.bestOverallResponse]}
        >
          <title>
            {g.first === g.last
              ? `${bars[g.first - 1]!.subjectId}: ${g.pctChange.toFixed(1)}% (best response ${g.bestOverallResponse})`
              : `Patients ${g.first}-${g.last}: median ${g.pctChange.toFixed(1)}% (${g.minPct.toFixed(1)} to ${g.maxPct.toFixed(1)}%); ${Object.entries(
                  g.counts,
                )
                  .map(([r, n]) => `${r} ${n}`)
                  .join(", ")}`}
          </title>
        </rect>
      ))}
      <line x1={0} x2={inner.width} y1={y(0)} y2={y(0)} stroke="#475467" />
      <AxisLeft scale={y} ticks={y.ticks(6)} height={inner.height} label="Change from baseline (%)" />
      <text x={inner.width / 2} y={inner.height + 20} textAnchor="middle" fontWeight={600}>
        {grouped ? `Patients (groups of ${perGroup})` : "Patients (one bar each)"}
      </text>
      <Legend
        entries={present.map((r) => ({ label: r, color: RESPONSE_COLORS[r], marker: "square" as const }))}
        x={0}
        y={-16}
      />
    </ChartFrame>
  );
}
