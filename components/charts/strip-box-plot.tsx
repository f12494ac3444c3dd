import { scaleBand, scaleLog } from "d3-scale";
import { AxisLeft, Legend, ReferenceLines } from "./axes";
import { ChartFrame, innerSize, type ChartSize } from "./chart-frame";

/** Beyond this many points a group is drawn as one path, without a tooltip per point. */
export const STRIP_POINTS_WITH_TOOLTIPS = 400;

/**
 * Points as zero-length round-capped segments in one path ("M12 40h0"), at whole pixels and
 * each position once: 10,000 circles with a tooltip each weighed megabytes, and overlapping
 * points at the same pixel draw the same. Filled and hollow points make two paths, built in one
 * pass over the values with no object per point (100,000 patients: every pass is felt).
 */
function pointsPaths(
  values: StripGroup["values"],
  xOf: (index: number) => number,
  yOf: (value: number) => number,
): { filled: string; hollow: string } {
  // Each pixel once, keyed by number rather than by a string per point (the charts' render at
  // 100,000 patients, bench/biomarker-profile.tsx: 184-186 -> 62 ms with this and the single pass).
  const seen = { filled: new Set<number>(), hollow: new Set<number>() };
  const moves: { filled: string[]; hollow: string[] } = { filled: [], hollow: [] };
  values.forEach((v, i) => {
    const x = Math.round(xOf(i));
    const y = Math.round(yOf(v.value));
    const pixel = x * 1_000_003 + y;
    const kind = v.hollow ? "hollow" : "filled";
    if (seen[kind].has(pixel)) return;
    seen[kind].add(pixel);
    moves[kind].push(`M${x} ${y}h0`);
  });
  return { filled: moves.filled.join(""), hollow: moves.hollow.join("") };
}

export interface StripGroup {
  label: string;
  color: string;
  values: readonly { value: number; hollow: boolean; title: string }[];
  box: { q1: number; median: number; q3: number; min: number; max: number } | null;
}

/**
 * Individual values (jittered deterministically) over a box of quartiles per group, on a log
 * scale (cytokine levels are skewed). Hollow points mark values below the assay LLOQ, drawn at
 * their substituted level; dashed reference lines mark the LLOQ and the cut.
 */
export function StripBoxPlot({
  id,
  title,
  description,
  groups,
  yLabel,
  references = [],
}: {
  id: string;
  title: string;
  description: string;
  groups: readonly StripGroup[];
  yLabel: string;
  references?: readonly { label: string; value: number; color: string }[];
}) {
  const size: ChartSize = { width: 680, height: 360, margin: { top: 30, right: 110, bottom: 40, left: 72 } };
  const inner = innerSize(size);
  // The positive levels' range, without an array of every level.
  let lowest = Infinity;
  let highest = -Infinity;
  const include = (value: number) => {
    if (!(value > 0)) return;
    if (value < lowest) lowest = value;
    if (value > highest) highest = value;
  };
  for (const g of groups) for (const v of g.values) include(v.value);
  for (const r of references) include(r.value);
  const y = scaleLog()
    .domain(lowest <= highest ? [lowest / 1.5, highest * 1.5] : [1, 10])
    .nice()
    .range([inner.height, 0]);
  const x = scaleBand<string>()
    .domain(groups.map((g) => g.label))
    .range([0, inner.width])
    .padding(0.3);
  const ticks = y.ticks(6).filter((t) => [1, 2, 5].includes(Number(t.toExponential(0).charAt(0))));
  return (
    <ChartFrame id={id} title={title} description={description} size={size}>
      <ReferenceLines lines={references} y={y} width={inner.width} />
      {groups.map((g) => {
        const left = x(g.label) ?? 0;
        const width = x.bandwidth();
        return (
          <g key={g.label}>
            {g.box ? (
              <g stroke="#344054">
                <line x1={left + width / 2} x2={left + width / 2} y1={y(g.box.min)} y2={y(g.box.max)} />
                <rect
                  x={left + width * 0.2}
                  width={width * 0.6}
                  y={y(g.box.q3)}
                  height={Math.max(1, y(g.box.q1) - y(g.box.q3))}
                  fill="#f2f4f7"
                  fillOpacity={0.6}
                />
                <line
                  x1={left + width * 0.2}
                  x2={left + width * 0.8}
                  y1={y(g.box.median)}
                  y2={y(g.box.median)}
                  strokeWidth={2.5}
                />
              </g>
            ) : null}
            {g.values.length <= STRIP_POINTS_WITH_TOOLTIPS ? (
              g.values.map((v, i) => (
                <circle
                  key={i}
                  cx={left + width * (0.3 + 0.4 * ((i * 0.618034) % 1))}
                  cy={y(v.value)}
                  r={4}
                  fill={v.hollow ? "#fff" : g.color}
                  stroke={g.color}
                  strokeWidth={1.5}
                >
                  <title>{v.title}</title>
                </circle>
              ))
            ) : (
              <StripPoints
                color={g.color}
                paths={pointsPaths(
                  g.values,
                  (i) => left + width * (0.3 + 0.4 * ((i * 0.618034) % 1)),
                  (value) => y(value),
                )}
              />
            )}
            <text x={left + width / 2} y={inner.height + 20} textAnchor="middle" fontWeight={600}>
              {g.label} (n = {g.values.length})
            </text>
          </g>
        );
      })}
      <AxisLeft
        scale={y}
        ticks={ticks}
        height={inner.height}
        label={yLabel}
        format={(t) => String(+t.toPrecision(2))}
      />
      <Legend
        entries={[
          ...groups.map((g) => ({ label: g.label, color: g.color, marker: "circle" as const })),
          { label: "○ below LLOQ (at LLOQ/2)", color: "#fff", marker: "circle" as const },
        ]}
        x={0}
        y={-16}
      />
    </ChartFrame>
  );
}

/** Many points: filled ones as one path; hollow ones as a coloured path with a white one inside. */
function StripPoints({ color, paths }: { color: string; paths: { filled: string; hollow: string } }) {
  const { hollow } = paths;
  return (
    <g fill="none" strokeLinecap="round" data-testid="strip-points-path">
      <path d={paths.filled} stroke={color} strokeWidth={8} />
      {hollow ? (
        <>
          <path d={hollow} stroke={color} strokeWidth={8} />
          <path d={hollow} stroke="#fff" strokeWidth={5} />
        </>
      ) : null}
    </g>
  );
}
