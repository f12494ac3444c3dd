import { CalcInputError } from "../calc-command";

/** One row of the Kaplan-Meier table, at a distinct observed time (event or censoring). */
export interface KaplanMeierRow {
  /** Observed time, in the unit of the input (days, months...). */
  time: number;
  /** Number at risk just before `time`: subjects with observed time >= `time`. */
  nRisk: number;
  /** Events at `time`. */
  nEvent: number;
  /** Censorings at `time` (counted as still at risk for the events at the same time). */
  nCensor: number;
  /** Kaplan-Meier estimate S(t) just after `time` (right-continuous step). */
  surv: number;
  /**
   * Greenwood standard error of S(t) on the survival scale, S x sqrt(sum d/(n(n-d))).
   * null once S(t) = 0 (the Greenwood sum is infinite there; R reports NaN).
   */
  se: number | null;
}

/** A fitted Kaplan-Meier curve. Rows follow R's `fit$time` layout: every distinct time. */
export interface KaplanMeierFit {
  /** Number of subjects. */
  n: number;
  /** Total number of events. */
  nEvents: number;
  rows: KaplanMeierRow[];
}

function validateInput(time: readonly number[], event: readonly number[]): void {
  if (time.length === 0) throw new CalcInputError("at least one subject is needed", "time");
  if (time.length !== event.length) {
    throw new CalcInputError(`time and event must have the same length (${time.length} vs ${event.length})`, "event");
  }
  for (let i = 0; i < time.length; i += 1) {
    const t = time[i] as number;
    if (!Number.isFinite(t) || t < 0) {
      throw new CalcInputError(`time[${i}] must be a finite number >= 0, got ${t}`, "time");
    }
    const e = event[i];
    if (e !== 0 && e !== 1) throw new CalcInputError(`event[${i}] must be 0 or 1, got ${e}`, "event");
  }
}

/**
 * Kaplan-Meier product-limit estimate with Greenwood variance.
 *
 * Kaplan EL, Meier P, J Am Stat Assoc 1958;53:457-481 (product-limit estimator);
 * Greenwood M, Reports on Public Health and Medical Subjects 33, 1926 (variance);
 * layout and tie rule as R survival 3.5 `survfit(Surv(time, event) ~ 1)`: one row per
 * distinct time, censored-only times included; at a tied time events precede
 * censorings (the censored subjects are at risk for those events).
 *
 * O(n log n): two typed-array sorts (event and censoring times) and one merge pass.
 */
export function estimateKaplanMeier(time: readonly number[], event: readonly number[]): KaplanMeierFit {
  validateInput(time, event);
  let nEvents = 0;
  for (const e of event) nEvents += e;
  const eventTimes = new Float64Array(nEvents);
  const censorTimes = new Float64Array(time.length - nEvents);
  let ie = 0;
  let ic = 0;
  for (let i = 0; i < time.length; i += 1) {
    if (event[i] === 1) eventTimes[ie++] = time[i] as number;
    else censorTimes[ic++] = time[i] as number;
  }
  eventTimes.sort();
  censorTimes.sort();

  const rows: KaplanMeierRow[] = [];
  let atRisk = time.length;
  let surv = 1;
  let greenwood = 0;
  ie = 0;
  ic = 0;
  while (ie < eventTimes.length || ic < censorTimes.length) {
    const te = ie < eventTimes.length ? (eventTimes[ie] as number) : Infinity;
    const tc = ic < censorTimes.length ? (censorTimes[ic] as number) : Infinity;
    const t = Math.min(te, tc);
    let d = 0;
    while (ie < eventTimes.length && eventTimes[ie] === t) {
      d += 1;
      ie += 1;
    }
    let c = 0;
    while (ic < censorTimes.length && censorTimes[ic] === t) {
      c += 1;
      ic += 1;
    }
    if (d > 0) {
      surv *= (atRisk - d) / atRisk;
      greenwood += atRisk === d ? Infinity : d / (atRisk * (atRisk - d));
    }
    rows.push({
      time: t,
      nRisk: atRisk,
      nEvent: d,
      nCensor: c,
      surv,
      se: surv > 0 ? surv * Math.sqrt(greenwood) : null,
    });
    atRisk -= d + c;
  }
  return { n: time.length, nEvents, rows };
}

/**
 * Index of the last row with time <= t (the step in force at t), or -1 before the first time.
 * Binary search: O(log n).
 */
export function findStepIndex(fit: KaplanMeierFit, t: number): number {
  let lo = 0;
  let hi = fit.rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((fit.rows[mid] as KaplanMeierRow).time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
