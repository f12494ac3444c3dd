const AXIS = "#475467";

/** What both axes take: the scale, its ticks, the axis title and how a tick reads. */
interface AxisProps<T> {
  scale: (value: T) => number;
  ticks: readonly T[];
  label: string;
  format?: (value: T) => string;
}

export function AxisBottom<T extends number | Date>({
  scale,
  ticks,
  y,
  width,
  label,
  format = String,
}: AxisProps<T> & { y: number; width: number }) {
  return (
    <g transform={`translate(0,${y})`} aria-hidden="true">
      <line x1={0} x2={width} stroke={AXIS} />
      {ticks.map((tick) => (
        <g key={String(tick)} transform={`translate(${scale(tick)},0)`}>
          <line y2={5} stroke={AXIS} />
          <text y={18} textAnchor="middle">
            {format(tick)}
          </text>
        </g>
      ))}
      <text x={width / 2} y={36} textAnchor="middle" fontWeight={600}>
        {label}
      </text>
    </g>
  );
}

export function AxisLeft({ scale, ticks, height, label, format = String }: AxisProps<number> & { height: number }) {
  return (
    <g aria-hidden="true">
      <line y1={0} y2={height} stroke={AXIS} />
      {ticks.map((tick) => (
        <g key={tick} transform={`translate(0,${scale(tick)})`}>
          <line x2={-5} stroke={AXIS} />
          <text x={-8} dy="0.32em" textAnchor="end">
            {format(tick)}
          </text>
        </g>
      ))}
      <text transform={`translate(-44,${height / 2}) rotate(-90)`} textAnchor="middle" fontWeight={600}>
        {label}
      </text>
    </g>
  );
}

/** A legend row: swatch (line or marker) and label per entry. */
export function Legend({
  entries,
  x,
  y,
}: {
  entries: readonly { label: string; color: string; dash?: string; marker?: "square" | "circle" }[];
  x: number;
  y: number;
}) {
  // Each entry starts after the previous ones: swatch, gap and an estimate of the label's width.
  const widths = entries.map((entry) => 44 + entry.label.length * 6.6);
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  return (
    <g transform={`translate(${x},${y})`}>
      {entries.map((entry, i) => {
        const at = starts[i] ?? 0;
        return (
          <g key={entry.label} transform={`translate(${at},0)`}>
            {entry.marker === "square" ? (
              <rect x={0} y={-6} width={12} height={12} fill={entry.color} />
            ) : entry.marker === "circle" ? (
              <circle cx={6} cy={0} r={5} fill={entry.color} />
            ) : (
              <line x1={0} x2={22} stroke={entry.color} strokeWidth={2.5} strokeDasharray={entry.dash} />
            )}
            <text x={entry.marker ? 18 : 28} dy="0.32em">
              {entry.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Dashed horizontal lines across the plot, each labelled at its right end (targets, cuts, limits). */
export function ReferenceLines({
  lines,
  y,
  width,
}: {
  lines: readonly { label: string; value: number; color: string }[];
  y: (value: number) => number;
  width: number;
}) {
  return lines.map((line) => (
    <g key={line.label}>
      <line x1={0} x2={width} y1={y(line.value)} y2={y(line.value)} stroke={line.color} strokeDasharray="5 4" />
      <text x={width + 4} y={y(line.value)} dy="0.32em" fill={line.color} fontSize={11}>
        {line.label}
      </text>
    </g>
  ));
}
