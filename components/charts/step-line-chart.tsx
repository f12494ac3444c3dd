import { scaleLinear, scaleUtc } from "d3-scale";
import { curveStepAfter, line } from "d3-shape";
import { AxisBottom, AxisLeft, Legend, ReferenceLines } from "./axes";
import { ChartFrame, innerSize, type ChartSize } from "./chart-frame";

export interface StepSeries {
  label: string;
  color: string;
  dash?: string;
  points: readonly { date: string; value: number }[];
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Cumulative counts over calendar time, one step line per series, with optional target lines. */
export function StepLineChart({
  id,
  title,
  description,
  series,
  yLabel,
  targets = [],
}: {
  id: string;
  title: string;
  description: string;
  series: readonly StepSeries[];
  yLabel: string;
  targets?: readonly { label: string; value: number; color: string }[];
}) {
  const size: ChartSize = { width: 680, height: 340, margin: { top: 30, right: 90, bottom: 56, left: 64 } };
  const inner = innerSize(size);
  const dates = series.flatMap((s) => s.points.map((p) => toDate(p.date)));
  // reduce, not Math.min(...): a spread of tens of thousands of dates can overflow the stack.
  const first = dates.length ? new Date(dates.reduce((a, d) => Math.min(a, Number(d)), Infinity)) : new Date();
  const last = dates.length ? new Date(dates.reduce((a, d) => Math.max(a, Number(d)), -Infinity)) : new Date();
  const x = scaleUtc().domain([first, last]).nice().range([0, inner.width]);
  const y = scaleLinear()
    .domain([
      0,
      [...series.flatMap((s) => s.points.map((p) => p.value)), ...targets.map((t) => t.value)].reduce(
        (a, v) => Math.max(a, v),
        1,
      ),
    ])
    .nice()
    .range([inner.height, 0]);
  const path = line<{ date: Date; value: number }>()
    .x((p) => x(p.date))
    .y((p) => y(p.value))
    .curve(curveStepAfter)
    .digits(1);
  const end = x.domain()[1] ?? last;
  return (
    <ChartFrame id={id} title={title} description={description} size={size}>
      {y.ticks(6).map((t) => (
        <line key={t} x1={0} x2={inner.width} y1={y(t)} y2={y(t)} stroke="#eaecf0" />
      ))}
      <ReferenceLines lines={targets} y={y} width={inner.width} />
      {series.map((s) => {
        const points = s.points.map((p) => ({ date: toDate(p.date), value: p.value }));
        const extended = points.length
          ? [{ date: points[0]!.date, value: 0 }, ...points, { date: end, value: points.at(-1)!.value }]
          : [];
        return (
          <path
            key={s.label}
            d={path(extended) ?? ""}
            fill="none"
            stroke={s.color}
            strokeWidth={2.2}
            strokeDasharray={s.dash}
          />
        );
      })}
      <AxisLeft scale={y} ticks={y.ticks(6)} height={inner.height} label={yLabel} />
      <AxisBottom
        scale={x}
        ticks={x.ticks(6)}
        y={inner.height}
        width={inner.width}
        label="Date"
        format={(d: Date) => d.toISOString().slice(0, 7)}
      />
      <Legend entries={series.map((s) => ({ label: s.label, color: s.color, dash: s.dash }))} x={0} y={-16} />
    </ChartFrame>
  );
}
