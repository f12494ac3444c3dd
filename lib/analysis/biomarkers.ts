import { bisectRight, quantileSorted } from "d3-array";
import { CalcInputError } from "@/lib/domain/calc-command";
import { compareSurvivalLogRank, fitCoxModel, sortIndicesByTime } from "@/lib/domain/statistics";
import type { ConfType } from "@/lib/domain/survival";
import { buildKmCurve, type KmCurve } from "./km-curve";
import type { CytokineResult } from "./patient-records";

/** "median" splits at the cohort's median level; a number is a fixed cut in the analyte's unit. */
export type CytokineCut = "median" | number;

export interface BiomarkerSubject {
  level: CytokineResult | null;
  /** Endpoint time (months) and event flag. */
  time: number;
  event: 0 | 1;
}

export interface BiomarkerPoint {
  /** The level used in the analysis (LLOQ/2 when below the LLOQ). */
  value: number;
  belowLloq: boolean;
  group: "high" | "low";
  time: number;
  event: 0 | 1;
}

export interface Distribution {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export interface BiomarkerGroup {
  n: number;
  events: number;
  distribution: Distribution | null;
  curve: KmCurve;
}

export interface HazardRatio {
  hr: number;
  lower: number;
  upper: number;
  p: number;
}

export interface BiomarkerAnalysis {
  unit: string | null;
  /** Patients with a result (measured or below the LLOQ). */
  n: number;
  nBelowLloq: number;
  /** Patients in the analysis set without a result for this analyte. */
  nMissing: number;
  distribution: Distribution | null;
  points: BiomarkerPoint[];
  cut: number | null;
  cutMethod: "median" | "fixed";
  high: BiomarkerGroup | null;
  low: BiomarkerGroup | null;
  logRank: { chisq: number; df: number; p: number } | null;
  /** Cox model on high (1) vs low (0). */
  coxHighVsLow: HazardRatio | null;
  /** Cox model on log2(level): the hazard ratio per doubling of the level. */
  coxPerDoubling: HazardRatio | null;
  warnings: string[];
}

/**
 * Below the LLOQ the true level is unknown but lower than the LLOQ; it is replaced by LLOQ/2
 * (Hornung RW, Reed LD, Appl Occup Environ Hyg 1990;5:46-51, for skewed data). It therefore
 * ranks below every measured value, always falls in the low group of a cut at or above the
 * LLOQ, and enters log2(level) at one doubling below the LLOQ.
 */
export function substituteBelowLloq(result: CytokineResult): number | null {
  if (!result.belowLloq) return result.value;
  return result.lloq === null ? null : result.lloq / 2;
}

function toHazardRatio(term: { hr: number; lower: number; upper: number; p: number } | undefined): HazardRatio | null {
  return term ? { hr: term.hr, lower: term.lower, upper: term.upper, p: term.p } : null;
}

/** Quartiles of levels already in ascending order, as R's default quantile type 7 (d3-array quantileSorted). */
function describeSorted(sorted: Float64Array): Distribution | null {
  if (!sorted.length) return null;
  // d3's quantileSorted reads only the length and indices; its types ask for an array.
  const q = (p: number) => quantileSorted(sorted as unknown as number[], p) ?? 0;
  return { min: sorted[0] ?? 0, q1: q(0.25), median: q(0.5), q3: q(0.75), max: sorted.at(-1) ?? 0 };
}

/**
 * A test the data cannot carry (a CalcInputError: a constant covariate, groups that never share
 * an event time) gives no figure and a warning the page shows, not an error page.
 */
function orWarning<T>(run: () => T, warnings: string[]): T | null {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof CalcInputError)) throw error;
    warnings.push(error.message);
    return null;
  }
}

function fitCox(time: number[], event: (0 | 1)[], covariate: number[], warnings: string[]): HazardRatio | null {
  const fit = orWarning(() => fitCoxModel({ time, event, covariates: { x: covariate } }), warnings);
  if (!fit) return null;
  warnings.push(...fit.warnings);
  return toHazardRatio(fit.terms[0]);
}

/**
 * One baseline cytokine against one endpoint: its distribution, Kaplan-Meier curves above and
 * at-or-below the cut, the log-rank test (Mantel 1966), and Cox hazard ratios for the split
 * and per doubling of the level (Cox 1972), all from lib/domain. Patients without a result
 * are left out (counted in nMissing).
 */
export function analyzeBiomarker(
  subjects: readonly BiomarkerSubject[],
  options: { cut: CytokineCut; ciMethod?: ConfType },
): BiomarkerAnalysis {
  const warnings: string[] = [];
  // One plain loop and one object per patient with a result: at 100,000 patients every pass and
  // every object more is felt (flatMap and a spread per subject cost a third of the analysis).
  const points: BiomarkerPoint[] = [];
  const units = new Set<string>();
  let nBelowLloq = 0;
  for (const s of subjects) {
    const value = s.level ? substituteBelowLloq(s.level) : null;
    if (value === null || !s.level) continue;
    units.add(s.level.unit);
    if (s.level.belowLloq) nBelowLloq++;
    // In the low group until the cut is known.
    points.push({ value, belowLloq: s.level.belowLloq, group: "low", time: s.time, event: s.event });
  }
  if (units.size > 1)
    warnings.push(`Results are recorded in different units (${[...units].join(", ")}); they are not converted.`);
  // Sorted once (a typed array sorts numbers natively): a cut splits the sorted levels into the
  // low group's (at or below it) and the high group's, so the groups' quartiles need no sort.
  const sortedLevels = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) sortedLevels[i] = points[i]!.value;
  sortedLevels.sort();
  const distribution = describeSorted(sortedLevels);
  const cut = options.cut === "median" ? (distribution?.median ?? null) : options.cut;
  if (cut !== null) for (const p of points) if (p.value > cut) p.group = "high";
  const lowCount = cut === null ? sortedLevels.length : bisectRight(sortedLevels, cut);
  const base = {
    unit: [...units][0] ?? null,
    n: points.length,
    nBelowLloq,
    nMissing: subjects.length - points.length,
    distribution,
    points,
    cut,
    cutMethod: options.cut === "median" ? ("median" as const) : ("fixed" as const),
  };
  const ciMethod = options.ciMethod ?? "log-log";
  const group = (name: "high" | "low", levels: Float64Array): BiomarkerGroup | null => {
    const times: number[] = [];
    const events: (0 | 1)[] = [];
    let eventCount = 0;
    for (const p of points)
      if (p.group === name) {
        times.push(p.time);
        events.push(p.event);
        eventCount += p.event;
      }
    return times.length
      ? {
          n: times.length,
          events: eventCount,
          distribution: describeSorted(levels),
          curve: buildKmCurve(times, events, ciMethod),
        }
      : null;
  };
  const high = group("high", sortedLevels.subarray(lowCount));
  const low = group("low", sortedLevels.subarray(0, lowCount));
  // One sort by time (ties in subject order) for the log-rank test and both Cox models, which
  // then find their input in order (sortIndicesByTime) and process the patients as before.
  const byTime = Array.from(sortIndicesByTime(points.map((p) => p.time)), (i) => points[i]!);
  const time = byTime.map((p) => p.time);
  const event = byTime.map((p) => p.event);
  const hasEvents = event.some((e) => e === 1);
  if (!high || !low || !hasEvents) {
    if (!high || !low) warnings.push("Every patient falls on one side of the cut: choose another cut.");
    return { ...base, high, low, logRank: null, coxHighVsLow: null, coxPerDoubling: null, warnings };
  }
  return {
    ...base,
    high,
    low,
    logRank: orWarning(() => {
      const { chisq, df, p } = compareSurvivalLogRank({ time, event, group: byTime.map((point) => point.group) });
      return { chisq, df, p };
    }, warnings),
    coxHighVsLow: fitCox(
      time,
      event,
      byTime.map((p) => (p.group === "high" ? 1 : 0)),
      warnings,
    ),
    coxPerDoubling: fitCox(
      time,
      event,
      byTime.map((p) => Math.log2(p.value)),
      warnings,
    ),
    warnings,
  };
}
