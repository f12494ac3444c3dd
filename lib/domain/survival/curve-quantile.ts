/**
 * Where a step curve (of S, or of one of its confidence limits) crosses a probability,
 * ported from R survival 3.5. Curves are given at each fitted time; null marks an
 * undefined value (a confidence limit where S = 0), which R treats as NA.
 */

/** R's `tolerance = sqrt(.Machine$double.eps)` in quantile.survfit and survmean. */
export const CURVE_TOLERANCE = Math.sqrt(Number.EPSILON);

function nearestFromAbove(values: readonly (number | null)[], shift: number, p: number): number {
  // R: approx(y + shift, 1:n, p, method = "constant", f = 1) after sorting by y + shift, so
  // the answer is the point with the smallest y + shift that is >= p (NA outside the range).
  let best = -1;
  let bestX = Infinity;
  let minX = Infinity;
  values.forEach((v, j) => {
    if (v === null) return;
    const x = v + shift;
    if (x < minX) minX = x;
    if (x >= p && x < bestX) {
      best = j;
      bestX = x;
    }
  });
  return p < minX ? -1 : best;
}

/**
 * The p-th quantile of the event-time distribution (p = 0.5: the median survival), i.e.
 * where the curve first reaches 1 - p, exactly as R survival 3.5 `quantile.survfit` (internal `findq`): time 0 is prepended
 * with S = 1; repeated curve values keep their first time; if the curve sits exactly on
 * 1 - p (within tolerance) over an interval, the answer is the midpoint between the start
 * of that flat and the next time the curve moves; if it stays there to the end, the
 * midpoint with the last observed time. Returns null when the curve never reaches 1 - p.
 */
export function findCurveQuantile(
  times: readonly number[],
  curve: readonly (number | null)[],
  p: number,
): number | null {
  const xs: number[] = [0];
  const ys: (number | null)[] = [0];
  times.forEach((t, i) => {
    const s = curve[i] ?? null;
    xs.push(t);
    ys.push(s === null ? null : 1 - s);
  });
  let maxY = -Infinity;
  for (const y of ys) if (y !== null && y > maxY) maxY = y;
  if (maxY < p) return null;
  const xmax = xs[xs.length - 1] as number;
  const seen = new Set<number | null>();
  const x: number[] = [];
  const y: (number | null)[] = [];
  ys.forEach((v, i) => {
    if (seen.has(v)) return;
    seen.add(v);
    x.push(xs[i] as number);
    y.push(v);
  });
  const i1 = nearestFromAbove(y, CURVE_TOLERANCE, p);
  const i2 = nearestFromAbove(y, -CURVE_TOLERANCE, p);
  let quant = i1 >= 0 && i2 >= 0 ? ((x[i1] as number) + (x[i2] as number)) / 2 : null;
  const yLast = y[y.length - 1] ?? null;
  if (yLast !== null && Math.abs(p - yLast) < CURVE_TOLERANCE) {
    quant = i1 >= 0 ? ((x[i1] as number) + xmax) / 2 : null;
  }
  return quant;
}

/**
 * First time the curve drops to 0.5 or below, as R survival 3.5 `print.survfit` /
 * `summary(fit)$table` (internal `survmean`, `minmin`): if the curve is exactly 0.5 there
 * and later drops further, the midpoint with the time of that drop; otherwise that time
 * (so a flat 0.5 running to the end gives its start, where quantile() gives a midpoint).
 * NA points are skipped. Returns null when the curve never reaches 0.5.
 */
export function findCurveMedianAsPrinted(times: readonly number[], curve: readonly (number | null)[]): number | null {
  let first = -1;
  for (let i = 0; i < times.length; i += 1) {
    const s = curve[i] ?? null;
    if (s === null || !(s < 0.5 + CURVE_TOLERANCE)) continue;
    if (first < 0) {
      first = i;
      if (!(Math.abs(s - 0.5) < CURVE_TOLERANCE)) return times[i] as number;
      continue;
    }
    if (s < (curve[first] as number)) return ((times[first] as number) + (times[i] as number)) / 2;
  }
  return first < 0 ? null : (times[first] as number);
}
