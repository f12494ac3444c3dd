import { median } from "d3-array";
import type { ReactNode } from "react";
import { scaleBand, scaleLinear } from "d3-scale";
import type { SwimmerLane } from "@/lib/analysis/waterfall-swimmer";
import { AxisBottom, Legend } from "./axes";
import { ChartFrame, innerSize, type ChartSize } from "./chart-frame";
import { RESPONSE_COLORS } from "./waterfall-plot";

/**
 * One lane per patient: time on treatment (bar, coloured by best response), follow-up after
 * treatment (thin line), each assessment's response (circle), progression (triangle), death
 * (cross), and an arrow for patients still on treatment. `lanes` may be one page of `cohort`
 * (the description then summarises the whole cohort and says which lanes are drawn).
 */
export function SwimmerPlot({
  id,
  lanes,
  cohort = lanes,
  caption,
}: {
  id: string;
  lanes: readonly SwimmerLane[];
  cohort?: readonly SwimmerLane[];
  caption?: ReactNode;
}) {
  const size: ChartSize = {
    width: 680,
    height: 80 + 14 * lanes.length,
    margin: { top: 30, right: 24, bottom: 48, left: 78 },
  };
  const inner = innerSize(size);
  const x = scaleLinear()
    .domain([0, lanes.reduce((max, l) => Math.max(max, l.followUpMonths), 1)])
    .nice()
    .range([0, inner.width]);
  const y = scaleBand<string>()
    .domain(lanes.map((l) => l.subjectId))
    .range([0, inner.height])
    .padding(0.25);
  const onTreatment = cohort.filter((l) => l.onTreatment).length;
  const shown =
    lanes.length < cohort.length
      ? ` Drawn here: ${lanes.length} of them (${lanes[0]?.subjectId ?? ""} to ${lanes.at(-1)?.subjectId ?? ""}).`
      : "";
  const description = `${cohort.length} patients. Median time on treatment ${(median(cohort, (l) => l.treatmentMonths) ?? 0).toFixed(1)} months; ${onTreatment} still on treatment; ${cohort.filter((l) => l.died).length} deaths.${shown}`;
  return (
    <ChartFrame
      id={id}
      title="Time on treatment and follow-up per patient"
      description={description}
      size={size}
      caption={caption}
    >
      {lanes.map((lane) => {
        const top = y(lane.subjectId) ?? 0;
        const mid = top + y.bandwidth() / 2;
        return (
          <g key={lane.subjectId}>
            <text x={-6} y={mid} dy="0.32em" textAnchor="end" fontSize={10}>
              {lane.subjectId}
            </text>
            <line x1={x(lane.treatmentMonths)} x2={x(lane.followUpMonths)} y1={mid} y2={mid} stroke="#98a2b3" />
            <rect
              x={0}
              y={top}
              width={Math.max(1, x(lane.treatmentMonths))}
              height={y.bandwidth()}
              fill={RESPONSE_COLORS[lane.bestOverallResponse]}
              fillOpacity={0.75}
            >
              <title>{`${lane.subjectId}: ${lane.treatmentMonths.toFixed(1)} months on treatment, best response ${lane.bestOverallResponse}`}</title>
            </rect>
            {lane.responses.map((r) => (
              <circle
                key={r.month}
                cx={x(r.month)}
                cy={mid}
                r={3}
                fill="#fff"
                stroke={RESPONSE_COLORS[r.response]}
                strokeWidth={1.5}
              />
            ))}
            {lane.progressionMonth !== null ? (
              <path d={`M${x(lane.progressionMonth)},${mid - 5}l4,8h-8z`} fill="#b2182b" />
            ) : null}
            {lane.died ? (
              <path d={`M${x(lane.followUpMonths) - 4},${mid - 4}l8,8m0,-8l-8,8`} stroke="#101828" strokeWidth={1.6} />
            ) : null}
            {lane.onTreatment ? (
              <path d={`M${x(lane.treatmentMonths) + 2},${mid - 4}l6,4l-6,4z`} fill="#101828" />
            ) : null}
          </g>
        );
      })}
      <AxisBottom scale={x} ticks={x.ticks(10)} y={inner.height} width={inner.width} label="Months since enrollment" />
      <Legend
        entries={[
          { label: "PR", color: RESPONSE_COLORS.PR, marker: "square" },
          { label: "SD", color: RESPONSE_COLORS.SD, marker: "square" },
          { label: "PD", color: RESPONSE_COLORS.PD, marker: "square" },
          { label: "NE", color: RESPONSE_COLORS.NE, marker: "square" },
          { label: "▲ progression  ✕ death  ▶ on treatment  ○ assessment", color: "#fff", marker: "square" },
        ]}
        x={0}
        y={-16}
      />
    </ChartFrame>
  );
}
