import { CalcInputError } from "../calc-command";
import { computeChiSquareUpperTail } from "./chi-square";
import { sortIndicesByTime, validateSurvivalData, type SurvivalData } from "./survival-input";
import { createSquareMatrix, factorizeCholesky, computeQuadraticFormInverse } from "./symmetric-matrix";

/** A treatment arm or stratum label (e.g. "A", 1, "squamous"). */
export type GroupLabel = string | number;

/** Survival data with a group label per patient. */
export interface LogRankInput extends SurvivalData {
  group: readonly GroupLabel[];
}

/** Per-group totals of the log-rank test. */
export interface LogRankGroup {
  group: GroupLabel;
  /** Patients in the group. */
  n: number;
  /** Observed events. */
  observed: number;
  /** Expected events under equal hazards (sum over event times of deaths × share at risk). */
  expected: number;
}

/** Result of the k-group log-rank test (R: survdiff(Surv(time, event) ~ group), rho = 0). */
export interface LogRankResult {
  chisq: number;
  /** Degrees of freedom: groups with expected > 0, minus one. */
  df: number;
  /** Upper tail of chi-square(df) at chisq. */
  p: number;
  /** Groups in label order (numbers ascending, then strings in code-unit order). */
  groups: LogRankGroup[];
}

/** Orders labels as R orders factor levels of a numeric vector (numbers ascending); strings after. */
function compareLabels(a: GroupLabel, b: GroupLabel): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * k-sample log-rank test. One sort, then one pass over distinct times keeping the number at risk
 * per group: O(n log n + D k²) for D distinct event times. At each event time with d deaths among
 * N at risk (N_g in group g): E_g += d N_g / N and
 * V_gh += d (N − d) / (N − 1) × (N_g / N) (δ_gh − N_h / N).
 * Mantel N. Cancer Chemother Rep 1966;50:163-170; Klein & Moeschberger, Survival Analysis, 2nd ed.
 * (2003), section 7.3. The statistic (O − E)' V⁻ (O − E) uses groups with E > 0 minus the first,
 * exactly as R survival::survdiff (v3.5).
 */
export function compareSurvivalLogRank(input: LogRankInput): LogRankResult {
  validateSurvivalData(input, { group: input.group });
  const labels = [...new Set(input.group)].sort(compareLabels);
  const groupIndex = new Map(labels.map((label, index) => [label, index]));
  const k = labels.length;
  const groupOf = Int32Array.from(input.group, (label) => groupIndex.get(label) ?? 0);

  const size = new Float64Array(k);
  for (const g of groupOf) size[g] = (size[g] ?? 0) + 1;
  const atRisk = new Float64Array(size);
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const variance = createSquareMatrix(k);
  const deaths = new Float64Array(k);
  const leaving = new Float64Array(k);
  let totalAtRisk = input.time.length;

  const order = sortIndicesByTime(input.time);
  let position = 0;
  while (position < order.length) {
    const time = input.time[order[position] ?? 0];
    deaths.fill(0);
    leaving.fill(0);
    let totalDeaths = 0;
    let totalLeaving = 0;
    for (; position < order.length && input.time[order[position] ?? 0] === time; position++) {
      const patient = order[position] ?? 0;
      const g = groupOf[patient] ?? 0;
      leaving[g] = (leaving[g] ?? 0) + 1;
      totalLeaving++;
      if (input.event[patient] === 1) {
        deaths[g] = (deaths[g] ?? 0) + 1;
        totalDeaths++;
      }
    }
    if (totalDeaths > 0) {
      accumulateEventTime(totalDeaths, totalAtRisk, deaths, atRisk, observed, expected, variance.values);
    }
    for (let g = 0; g < k; g++) atRisk[g] = (atRisk[g] ?? 0) - (leaving[g] ?? 0);
    totalAtRisk -= totalLeaving;
  }

  const groups = labels.map((group, g) => ({
    group,
    n: size[g] ?? 0,
    observed: observed[g] ?? 0,
    expected: expected[g] ?? 0,
  }));
  const { chisq, df } = computeLogRankStatistic(groups, variance.values, k);
  return { chisq, df, p: computeChiSquareUpperTail(chisq, df), groups };
}

function accumulateEventTime(
  totalDeaths: number,
  totalAtRisk: number,
  deaths: Float64Array,
  atRisk: Float64Array,
  observed: Float64Array,
  expected: Float64Array,
  variance: Float64Array,
): void {
  const k = atRisk.length;
  // With one patient at risk the hypergeometric variance is 0 (and the formula would divide by 0).
  const spread = totalAtRisk > 1 ? (totalDeaths * (totalAtRisk - totalDeaths)) / (totalAtRisk - 1) : 0;
  for (let g = 0; g < k; g++) {
    const share = (atRisk[g] ?? 0) / totalAtRisk;
    observed[g] = (observed[g] ?? 0) + (deaths[g] ?? 0);
    expected[g] = (expected[g] ?? 0) + totalDeaths * share;
    if (spread === 0 || share === 0) continue;
    for (let h = 0; h < k; h++) {
      const otherShare = (atRisk[h] ?? 0) / totalAtRisk;
      variance[g * k + h] = (variance[g * k + h] ?? 0) + spread * share * ((g === h ? 1 : 0) - otherShare);
    }
  }
}

function computeLogRankStatistic(
  groups: readonly LogRankGroup[],
  variance: Float64Array,
  k: number,
): { chisq: number; df: number } {
  if (groups.every((group) => group.observed === 0)) {
    throw new CalcInputError("log-rank test needs at least one event (all patients are censored)", "event");
  }
  // survdiff drops groups with nobody at risk at any event time, then the first kept group.
  const kept = groups.flatMap((group, g) => (group.expected > 0 ? [g] : []));
  if (kept.length < 2) {
    throw new CalcInputError("log-rank test needs at least two groups with patients at risk at an event time", "group");
  }
  const tested = kept.slice(1);
  const sub = createSquareMatrix(tested.length);
  tested.forEach((g, i) =>
    tested.forEach((h, j) => {
      sub.values[i * tested.length + j] = variance[g * k + h] ?? 0;
    }),
  );
  const difference = tested.map((g) => (groups[g]?.observed ?? 0) - (groups[g]?.expected ?? 0));
  const chisq = computeQuadraticFormInverse(factorizeCholesky(sub).factor, difference);
  return { chisq: Math.max(0, chisq), df: kept.length - 1 };
}
