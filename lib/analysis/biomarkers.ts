import { quantileSorted } from "d3-array";
import { CalcInputError } from "@/lib/domain/calc-command";
import { compareSurvivalLogRank, fitCoxModel } from "@/lib/domain/statistics";
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

/** Quartiles as R's default quantile type 7 (d3-array quantileSorted). */
function describe(values: readonly number[]): Distribution | null {
  // A typed array sorts numbers natively: sorting 100,000 levels with a comparator took ~50 ms.
  const sorted = Array.from(Float64Array.from(values).sort());
  if (!sorted.length) return null;
  const q = (p: number) => quantileSorted(sorted, p) ?? 0;
  return { min: sorted[0] ?? 0, q1: q(0.25), median: q(0.5), q3: q(0.75), max: sorted.at(-1) ?? 0 };
}

function fitCox(time: number[], event: (0 | 1)[], covariate: number[], warnings: string[]): HazardRatio | null {
  try {
    const fit = fitCoxModel({ time, event, covariates: { x: covariate } });
    warnings.push(...fit.warnings);
    return toHazardRatio(fit.terms[0]);
  } catch (error) {
    if (!(error instanceof CalcInputError)) throw error;
    warnings.push(error.message);
    return null;
  }
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
  // A plain loop: flatMap and a spread per subject cost a third of the analysis at 10,000 patients.
  const withResult: { value: number; belowLloq: boolean; unit: string; time: number; event: 0 | 1 }[] = [];
  for (const s of subjects) {
    const value = s.level ? substituteBelowLloq(s.level) : null;
    if (value !== null && s.level)
      withResult.push({ value, belowLloq: s.level.belowLloq, unit: s.level.unit, time: s.time, event: s.event });
  }
  const units = new Set(withResult.map((s) => s.unit));
  if (units.size > 1)
    warnings.push(`Results are recorded in different units (${[...units].join(", ")}); they are not converted.`);
  const distribution = describe(withResult.map((s) => s.value));
  const cut = options.cut === "median" ? (distribution?.median ?? null) : options.cut;
  const points: BiomarkerPoint[] = withResult.map((s) => ({
    value: s.value,
    belowLloq: s.belowLloq,
    group: cut !== null && s.value > cut ? "high" : "low",
    time: s.time,
    event: s.event,
  }));
  const base = {
    unit: [...units][0] ?? null,
    n: withResult.length,
    nBelowLloq: withResult.filter((s) => s.belowLloq).length,
    nMissing: subjects.length - withResult.length,
    distribution,
    points,
    cut,
    cutMethod: options.cut === "median" ? ("median" as const) : ("fixed" as const),
  };
  const ciMethod = options.ciMethod ?? "log-log";
  const group = (name: "high" | "low"): BiomarkerGroup | null => {
    const members = points.filter((p) => p.group === name);
    return members.length
      ? {
          n: members.length,
          events: members.filter((p) => p.event === 1).length,
          distribution: describe(members.map((p) => p.value)),
          curve: buildKmCurve(
            members.map((p) => p.time),
            members.map((p) => p.event),
            ciMethod,
          ),
        }
      : null;
  };
  const high = group("high");
  const low = group("low");
  const time = points.map((p) => p.time);
  const event = points.map((p) => p.event);
  const hasEvents = event.some((e) => e === 1);
  if (!high || !low || !hasEvents) {
    if (!high || !low) warnings.push("Every patient falls on one side of the cut: choose another cut.");
    return { ...base, high, low, logRank: null, coxHighVsLow: null, coxPerDoubling: null, warnings };
  }
  const logRank = compareSurvivalLogRank({ time, event, group: points.map((p) => p.group) });
  return {
    ...base,
    high,
    low,
    logRank: { chisq: logRank.chisq, df: logRank.df, p: logRank.p },
    coxHighVsLow: fitCox(
      time,
      event,
      points.map((p) => (p.group === "high" ? 1 : 0)),
      warnings,
    ),
    coxPerDoubling: fitCox(
      time,
      event,
      points.map((p) => Math.log2(p.value)),
      warnings,
    ),
    warnings,
  };
}
