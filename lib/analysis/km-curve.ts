import {
  computeCriticalZ,
  computeSurvivalCi,
  countAtRisk,
  estimateKaplanMeier,
  estimateMedianSurvival,
  toPointwiseConfType,
  type ConfType,
  type MedianEstimate,
} from "@/lib/domain/survival";

/** One step of a Kaplan-Meier curve for plotting: S(t) after `time` with its pointwise band. */
export interface KmStep {
  time: number;
  surv: number;
  lower: number | null;
  upper: number | null;
  nRisk: number;
  nEvent: number;
  nCensor: number;
}

/** A Kaplan-Meier curve ready to draw: steps, confidence band, numbers at risk on a grid, median with CI. */
export interface KmCurve {
  n: number;
  events: number;
  steps: KmStep[];
  median: MedianEstimate;
  atRisk: { time: number; n: number }[];
  /** The pointwise band method ("symmetric" medians pair with the "plain" band). */
  bandMethod: string;
}

/**
 * Builds the curve with lib/domain/survival (R survival 3.5 conventions): Greenwood SE, the
 * pointwise band of the chosen method, numbers at risk every `atRiskEvery` time units.
 */
export function buildKmCurve(
  times: readonly number[],
  events: readonly (0 | 1)[],
  ciMethod: ConfType,
  atRiskEvery = 1,
): KmCurve {
  const fit = estimateKaplanMeier(times, events);
  const band = toPointwiseConfType(ciMethod);
  const z = computeCriticalZ(0.95);
  const last = fit.rows.at(-1)?.time ?? 0;
  const grid = Array.from({ length: Math.floor(last / atRiskEvery) + 1 }, (_, i) => i * atRiskEvery);
  const counts = countAtRisk(fit, grid);
  return {
    n: fit.n,
    events: fit.nEvents,
    steps: fit.rows.map((row) => ({
      time: row.time,
      surv: row.surv,
      ...computeSurvivalCi(row.surv, row.se, band, z),
      nRisk: row.nRisk,
      nEvent: row.nEvent,
      nCensor: row.nCensor,
    })),
    median: estimateMedianSurvival(fit, { confType: ciMethod }),
    atRisk: grid.map((time, i) => ({ time, n: counts[i] ?? 0 })),
    bandMethod: band,
  };
}
