import type { ReactNode } from "react";
import { ChartDownload } from "./chart-download";

export interface ChartSize {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/**
 * A chart as a figure: an SVG with role="img", its title and description (read by screen
 * readers, and kept in downloaded files), a visible caption, and the download buttons.
 */
export function ChartFrame({
  id,
  title,
  description,
  size,
  caption,
  children,
}: {
  id: string;
  title: string;
  description: string;
  size: ChartSize;
  caption?: ReactNode;
  children: ReactNode;
}) {
  const { width, height, margin } = size;
  return (
    <figure className="chart" data-testid={`chart-${id}`}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        fontSize={12}
        fill="#1d2939"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <rect width={width} height={height} fill="#fff" />
        <g transform={`translate(${margin.left},${margin.top})`}>{children}</g>
      </svg>
      <figcaption>
        {caption}
        <ChartDownload filename={id} />
      </figcaption>
    </figure>
  );
}

/** The plotting area inside the margins. */
export function innerSize(size: ChartSize): { width: number; height: number } {
  return {
    width: size.width - size.margin.left - size.margin.right,
    height: size.height - size.margin.top - size.margin.bottom,
  };
}
