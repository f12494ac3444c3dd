import { CalcInputError } from "../calc-command";

/** Right-censored survival data: one entry per patient. */
export interface SurvivalData {
  /** Follow-up time (any unit, e.g. days or months), finite and >= 0. */
  time: readonly number[];
  /** 1 = event (death / progression) at `time`, 0 = censored at `time`. */
  event: readonly number[];
}

/**
 * Checks time/event arrays (same non-zero length, times finite and >= 0, events 0/1) and any
 * extra per-patient arrays for matching length. Throws CalcInputError naming the field.
 */
export function validateSurvivalData(data: SurvivalData, extra: Record<string, readonly unknown[]> = {}): void {
  const n = data.time.length;
  if (n === 0) throw new CalcInputError("time must contain at least one patient", "time");
  if (data.event.length !== n) {
    throw new CalcInputError(`event has ${data.event.length} values but time has ${n}; they must match`, "event");
  }
  for (const [field, values] of Object.entries(extra)) {
    if (values.length !== n)
      throw new CalcInputError(`${field} has ${values.length} values but time has ${n}; they must match`, field);
  }
  data.time.forEach((t, i) => {
    if (!Number.isFinite(t) || t < 0)
      throw new CalcInputError(`time[${i}] must be a finite number >= 0, got ${t}`, "time");
  });
  data.event.forEach((e, i) => {
    if (e !== 0 && e !== 1)
      throw new CalcInputError(`event[${i}] must be 0 (censored) or 1 (event), got ${e}`, "event");
  });
}

/**
 * Patient indices ordered by ascending time (one O(n log n) sort; ties keep input order). Times
 * already in order give the input order after one pass: a caller running several tests on one
 * cohort sorts it once (lib/analysis/biomarkers.ts) instead of once per test.
 */
export function sortIndicesByTime(time: readonly number[]): Uint32Array {
  const n = time.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) ordered = (time[i - 1] as number) <= (time[i] as number);
  if (ordered) return order;
  // A typed copy keeps the comparator monomorphic (several times faster at n = 100,000).
  const key = Float64Array.from(time);
  return order.sort((a, b) => (key[a] as number) - (key[b] as number) || a - b);
}
