import { scaleLinear } from "d3-scale";
import { area, curveStepAfter, line } from "d3-shape";
import type { KmCurve } from "@/lib/analysis/km-curve";
import { AxisBottom, AxisLeft, Legend } from "./axes";
import { ChartFrame, innerSize, type ChartSize } from "./chart-frame";

export interface KmSeries {
  label: string;
  color: string;
  dash?: string;
  curve: KmCurve;
}

type Point = { time: number; surv: number; lower: number | null; upper: number | null };

const fmt = (value: number | null) => (value === null ? "NR" : value.toFixed(1));

/** Kaplan-Meier curves with confidence bands, censoring marks, the median and numbers at risk under the axis. */
export function KmPlot({
  id,
  title,
  series,
  xLabel = "Months since enrollment",
  yLabel = "Probability",
}: {
  id: string;
  title: string;
  series: readonly KmSeries[];
  xLabel?: string;
  yLabel?: string;
}) {
  const atRiskHeight = 22 + 18 * series.length;
  const size: ChartSize = {
    width: 680,
    height: 360 + atRiskHeight,
    margin: { top: 30, right: 20, bottom: 56 + atRiskHeight, left: 88 },
  };
  const inner = innerSize(size);
  const maxTime = Math.max(1, ...series.map((s) => s.curve.steps.at(-1)?.time ?? 0));
  const x = scaleLinear().domain([0, maxTime]).nice().range([0, inner.width]);
  const y = scaleLinear().domain([0, 1]).range([inner.height, 0]);
  const xTicks = x.ticks(8);
  // Numbers at risk come from the curves' own grid (lib/domain countAtRisk), at the ticks it covers.
  // Past a curve's last time nobody is at risk any more.
  const atRiskTimes = xTicks.filter((t) => series.some((s) => s.curve.atRisk.some((r) => r.time === t)));
  const atRiskAt = (curve: KmCurve, t: number) =>
    curve.atRisk.find((r) => r.time === t)?.n ?? ((curve.steps.at(-1)?.time ?? 0) < t ? 0 : "");
  // A tenth of a unit is finer than the screen shows; with thousands of steps the digits add up.
  const stepPath = line<Point>()
    .x((p) => x(p.time))
    .y((p) => y(p.surv))
    .curve(curveStepAfter)
    .digits(1);
  const bandPath = area<Point>()
    .defined((p) => p.lower !== null && p.upper !== null)
    .x((p) => x(p.time))
    .y0((p) => y(p.lower ?? 0))
    .y1((p) => y(p.upper ?? 0))
    .curve(curveStepAfter)
    .digits(1);
  const description = series
    .map(
      (s) =>
        `${s.label}: ${s.curve.n} patients, ${s.curve.events} events, median ${fmt(s.curve.median.median)} months (95% CI ${fmt(s.curve.median.lower)} to ${fmt(s.curve.median.upper)}).`,
    )
    .join(" ");

  return (
    <ChartFrame id={id} title={title} description={`Kaplan-Meier curve. ${description}`} size={size}>
      {y.ticks(5).map((t) => (
        <line key={t} x1={0} x2={inner.width} y1={y(t)} y2={y(t)} stroke="#eaecf0" />
      ))}
      {series.map((s) => {
        const points: Point[] = [{ time: 0, surv: 1, lower: 1, upper: 1 }, ...s.curve.steps];
        return (
          <g key={s.label}>
            <path d={bandPath(points) ?? ""} fill={s.color} fillOpacity={0.13} />
            <path d={stepPath(points) ?? ""} fill="none" stroke={s.color} strokeWidth={2.2} strokeDasharray={s.dash} />
            {/* Censoring marks as one path: a line element each weighed a lot at thousands of patients. */}
            <path
              d={s.curve.steps
                .filter((step) => step.nCensor > 0)
                .map((step) => `M${x(step.time).toFixed(1)} ${(y(step.surv) - 5).toFixed(1)}v10`)
                .join("")}
              stroke={s.color}
              strokeWidth={1.5}
            />
            {s.curve.median.median !== null ? (
              <path
                d={`M0,${y(0.5)}H${x(s.curve.median.median)}V${inner.height}`}
                fill="none"
                stroke={s.color}
                strokeDasharray="2 3"
              />
            ) : null}
          </g>
        );
      })}
      <AxisLeft scale={y} ticks={y.ticks(5)} height={inner.height} label={yLabel} format={(t) => t.toFixed(1)} />
      <AxisBottom scale={x} ticks={xTicks} y={inner.height} width={inner.width} label={xLabel} />
      <Legend
        entries={series.map((s) => ({
          label: `${s.label} (median ${fmt(s.curve.median.median)} mo)`,
          color: s.color,
          dash: s.dash,
        }))}
        x={0}
        y={-16}
      />
      <g transform={`translate(0,${inner.height + 62})`}>
        <text x={-20} textAnchor="end" fontWeight={600}>
          At risk
        </text>
        {series.map((s, row) => (
          <g key={s.label} transform={`translate(0,${18 * (row + 1)})`}>
            <text x={-20} textAnchor="end" fill={s.color} fontWeight={600}>
              {s.label.length > 11 ? `${s.label.slice(0, 10)}…` : s.label}
            </text>
            {atRiskTimes.map((t) => (
              <text key={t} x={x(t)} textAnchor="middle">
                {atRiskAt(s.curve, t)}
              </text>
            ))}
          </g>
        ))}
      </g>
    </ChartFrame>
  );
}
