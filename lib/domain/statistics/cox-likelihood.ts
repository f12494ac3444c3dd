import { sortIndicesByTime } from "./survival-input";
import { createSquareMatrix, type SquareMatrix } from "./symmetric-matrix";

/** How tied event times enter the partial likelihood. */
export type CoxTies = "efron" | "breslow";

/** Data prepared once for repeated likelihood evaluations: sorted by time, covariates centred. */
export interface CoxDesign {
  /** Times in ascending order. */
  time: Float64Array;
  /** 1 = event, in the same order. */
  event: Uint8Array;
  /** One column per covariate, centred on its mean, in the same order. */
  columns: Float64Array[];
  /** Covariate means that were subtracted (the linear predictor is relative to them). */
  means: number[];
}

/** Log partial likelihood, score vector and information matrix at one coefficient vector. */
export interface CoxLikelihood {
  logLik: number;
  score: number[];
  information: SquareMatrix;
}

/**
 * Sorts once and centres each covariate on its mean: centring leaves the partial likelihood
 * unchanged but keeps exp(x'beta) in range. Therneau TM, survival (R) src/coxfit6.c, v3.5.
 */
export function prepareCoxDesign(
  time: readonly number[],
  event: readonly number[],
  columns: readonly (readonly number[])[],
): CoxDesign {
  const order = sortIndicesByTime(time);
  const n = order.length;
  const sortedTime = new Float64Array(n);
  const sortedEvent = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    sortedTime[k] = time[i] as number;
    sortedEvent[k] = event[i] as number;
  }
  const means: number[] = [];
  const centred = columns.map((column) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += column[i] as number;
    const mean = sum / n;
    means.push(mean);
    const values = new Float64Array(n);
    for (let k = 0; k < n; k++) values[k] = (column[order[k] as number] as number) - mean;
    return values;
  });
  return { time: sortedTime, event: sortedEvent, columns: centred, means };
}

// R's coxsafe(): keeps a runaway Newton step (monotone likelihood) from overflowing exp().
// Therneau TM, survival (R) src/coxsafe.c: linear predictor clamped to [-200, 22].
function clampLinearPredictor(eta: number): number {
  return eta < -200 ? -200 : eta > 22 ? 22 : eta;
}

/**
 * Evaluates the Cox partial likelihood with Breslow or Efron handling of ties, walking from the
 * latest time backwards so the risk-set sums (S0 = Σ r, S1 = Σ r x, S2 = Σ r x x') are built
 * incrementally: O(n p²) per call after the one sort in prepareCoxDesign.
 * Breslow NE. Biometrics 1974;30:89-99. Efron B. J Am Stat Assoc 1977;72:557-565.
 * Same accumulation as Therneau TM, survival (R) src/coxfit6.c (v3.5), unit case weights.
 */
export function computeCoxLikelihood(design: CoxDesign, beta: readonly number[], ties: CoxTies): CoxLikelihood {
  const { time, event, columns } = design;
  const p = columns.length;
  const x = new Float64Array(p);
  const s1 = new Float64Array(p); // risk set: Σ r x
  const s2 = new Float64Array(p * p); // risk set: Σ r x x' (lower triangle)
  const d1 = new Float64Array(p); // deaths at this time: Σ r x (Efron)
  const d2 = new Float64Array(p * p);
  const score = new Array<number>(p).fill(0);
  const information = createSquareMatrix(p);
  const info = information.values;
  let s0 = 0;
  let logLik = 0;

  let person = time.length - 1;
  while (person >= 0) {
    const currentTime = time[person];
    let deaths = 0;
    let deathRisk = 0;
    d1.fill(0);
    d2.fill(0);
    for (; person >= 0 && time[person] === currentTime; person--) {
      let eta = 0;
      for (let i = 0; i < p; i++) {
        x[i] = columns[i]?.[person] ?? 0;
        eta += (beta[i] ?? 0) * (x[i] ?? 0);
      }
      eta = clampLinearPredictor(eta);
      const risk = Math.exp(eta);
      s0 += risk;
      addWeightedOuter(s1, s2, x, risk);
      if (event[person] === 1) {
        deaths++;
        deathRisk += risk;
        logLik += eta;
        for (let i = 0; i < p; i++) score[i] = (score[i] ?? 0) + (x[i] ?? 0);
        if (ties === "efron") addWeightedOuter(d1, d2, x, risk);
      }
    }
    if (deaths === 0) continue;
    // Efron: the k-th of d tied deaths sees the risk set minus k/d of the deaths' own weight.
    // Breslow: every tied death sees the full risk set (one term with weight d).
    const terms = ties === "efron" ? deaths : 1;
    const weight = deaths / terms;
    for (let k = 0; k < terms; k++) {
      const fraction = ties === "efron" ? k / deaths : 0;
      const denominator = s0 - fraction * deathRisk;
      logLik -= weight * Math.log(denominator);
      for (let i = 0; i < p; i++) {
        const meanI = ((s1[i] ?? 0) - fraction * (d1[i] ?? 0)) / denominator;
        score[i] = (score[i] ?? 0) - weight * meanI;
        for (let j = 0; j <= i; j++) {
          const second = (s2[i * p + j] ?? 0) - fraction * (d2[i * p + j] ?? 0);
          const firstJ = (s1[j] ?? 0) - fraction * (d1[j] ?? 0);
          info[i * p + j] = (info[i * p + j] ?? 0) + (weight / denominator) * (second - meanI * firstJ);
        }
      }
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) info[j * p + i] = info[i * p + j] ?? 0;
  return { logLik, score, information };
}

function addWeightedOuter(sum: Float64Array, outer: Float64Array, x: Float64Array, weight: number): void {
  const p = x.length;
  for (let i = 0; i < p; i++) {
    const wx = weight * (x[i] ?? 0);
    sum[i] = (sum[i] ?? 0) + wx;
    for (let j = 0; j <= i; j++) outer[i * p + j] = (outer[i * p + j] ?? 0) + wx * (x[j] ?? 0);
  }
}
