import { scaleBand, scaleLinear } from "d3-scale";
import type { WaterfallBar } from "@/lib/analysis/waterfall-swimmer";
import type { Response } from "@/lib/domain/recist";
import { AxisLeft, Legend } from "./axes";
import { ChartFrame, innerSize, type ChartSize } from "./chart-frame";

export const RESPONSE_COLORS: Readonly<Record<Response, string>> = { CR: "#1b7837", PR: "#5aae61", SD: "#2166ac", PD: "#b2182b", NE: "#8c8c8c" };

/** Best % change of the target-lesion sum per patient, coloured by best overall response, with the RECIST 1.0 PR (-30%) and PD (+20%) lines. */
export function WaterfallPlot({ id, bars }: { id: string; bars: readonly WaterfallBar[] }) {
  const size: ChartSize = { width: 680, height: 340, margin: { top: 30, right: 20, bottom: 30, left: 64 } };
  const inner = innerSize(size);
  const values = bars.map((b) => b.bestPctChange);
  const y = scaleLinear().domain([Math.min(-100, ...values), Math.max(60, ...values)]).nice().range([inner.height, 0]);
  const x = scaleBand<string>().domain(bars.map((b) => b.subjectId)).range([0, inner.width]).padding(0.15);
  const present = (["CR", "PR", "SD", "PD", "NE"] as const).filter((r) => bars.some((b) => b.bestOverallResponse === r));
  const description = `${bars.length} patients with a measured follow-up. ${present.map((r) => `${r}: ${bars.filter((b) => b.bestOverallResponse === r).length}`).join(", ")}. Largest decrease ${Math.min(...values).toFixed(0)}%.`;
  return (
    <ChartFrame id={id} title="Best percentage change of the target-lesion sum from baseline" description={description} size={size}>
      {[20, -30].map((line) => (
        <g key={line}>
          <line x1={0} x2={inner.width} y1={y(line)} y2={y(line)} stroke="#667085" strokeDasharray="4 3" />
          <text x={inner.width} y={y(line) - 4} textAnchor="end" fill="#475467">
            {line > 0 ? "+20% (PD)" : "-30% (PR)"}
          </text>
        </g>
      ))}
      {bars.map((b) => (
        <rect
          key={b.subjectId}
          x={x(b.subjectId)}
          width={x.bandwidth()}
          y={Math.min(y(0), y(b.bestPctChange))}
          height={Math.max(1, Math.abs(y(b.bestPctChange) - y(0)))}
          fill={RESPONSE_COLORS[b.bestOverallResponse]}
        >
          <title>{`${b.subjectId}: ${b.bestPctChange.toFixed(1)}% (best response ${b.bestOverallResponse})`}</title>
        </rect>
      ))}
      <line x1={0} x2={inner.width} y1={y(0)} y2={y(0)} stroke="#475467" />
      <AxisLeft scale={y} ticks={y.ticks(6)} height={inner.height} label="Change from baseline (%)" />
      <text x={inner.width / 2} y={inner.height + 20} textAnchor="middle" fontWeight={600}>
        Patients (one bar each)
      </text>
      <Legend entries={present.map((r) => ({ label: r, color: RESPONSE_COLORS[r], marker: "square" as const }))} x={0} y={-16} />
    </ChartFrame>
  );
}
