import { CalcInputError } from "../calc-command";
import { computeAbsoluteChangeMm, computePercentChange } from "./percent-change";
import type { RecistVersion, TargetResponse } from "./response-types";

/** RECIST 1.0 (Therasse 2000), Evaluation of target lesions: PR = at least a 30% decrease of the sum LD from the baseline sum. RECIST 1.1 section 4.3.1: same. */
export const PR_DECREASE_PCT = 30;
/** RECIST 1.0, Evaluation of target lesions: PD = at least a 20% increase from the smallest sum LD recorded since treatment started. RECIST 1.1 section 4.3.1: same, from the smallest sum on study. */
export const PD_INCREASE_PCT = 20;
/** RECIST 1.1 section 4.3.1: PD also needs an absolute increase of the sum of at least 5 mm (not in 1.0). */
export const PD_MIN_ABSOLUTE_INCREASE_MM_V11 = 5;

/** Sums of target-lesion diameters (mm) at baseline, nadir and the current assessment. */
export interface TargetSumsInput {
  version: RecistVersion;
  /** Baseline sum of diameters, mm (> 0). */
  baselineSumMm: number;
  /** Smallest sum so far, baseline included, mm (0 <= nadir <= baseline). */
  nadirSumMm: number;
  /** Current sum, mm; when `allTargetsEvaluated` is false, the sum of the lesions that were assessed. */
  currentSumMm: number;
  /**
   * Every target lesion meets the CR criterion: disappeared, and for 1.1 nodal targets a short
   * axis < 10 mm. Default: `currentSumMm === 0`. Needed for 1.1 because normal-sized nodes keep
   * the sum above 0 at CR (RECIST 1.1 section 4.3.2, Lymph nodes).
   */
  allTargetsResolved?: boolean;
  /** False when one or more target lesions were not assessed at this timepoint. Default true. */
  allTargetsEvaluated?: boolean;
}

/** Target-lesion response with the percentages it was based on. */
export interface TargetResponseResult {
  targetResponse: TargetResponse;
  /** Percent change of the current sum from baseline (negative = shrinkage), 6 decimals. */
  pctFromBaseline: number;
  /** Percent change from the nadir; null when the nadir is 0 (all lesions had disappeared). */
  pctFromNadir: number | null;
  /** Current sum minus nadir, mm. */
  absoluteChangeFromNadirMm: number;
}

function checkSums(input: TargetSumsInput): void {
  const { baselineSumMm, nadirSumMm, currentSumMm } = input;
  for (const [field, value] of Object.entries({ baselineSumMm, nadirSumMm, currentSumMm })) {
    if (!Number.isFinite(value) || value < 0)
      throw new CalcInputError(`${field} must be a finite number >= 0 mm`, field);
  }
  // RECIST needs measurable disease at baseline (1.0 Measurability of tumor at baseline; 1.1 section 4.1).
  if (baselineSumMm <= 0)
    throw new CalcInputError(
      "baselineSumMm must be > 0 mm: response needs measurable disease at baseline",
      "baselineSumMm",
    );
  if (nadirSumMm > baselineSumMm) {
    throw new CalcInputError(
      "nadirSumMm cannot exceed baselineSumMm: the nadir includes the baseline sum",
      "nadirSumMm",
    );
  }
  if (input.version === "1.0" && input.allTargetsResolved === true && currentSumMm > 0) {
    // RECIST 1.0 CR is disappearance of all target lesions, so the sum must be 0.
    throw new CalcInputError("RECIST 1.0: allTargetsResolved requires currentSumMm = 0", "allTargetsResolved");
  }
}

/**
 * True when the sum meets the progression criterion against the nadir.
 * A nadir of 0 means every target had disappeared: any measurable reappearance is PD
 * (RECIST 1.1 Table 3 footnote a; EORTC RECIST 1.1 Q&A "Abnormal lymph node": reappearance after a definitive CR is PD).
 */
export function meetsTargetProgression(version: RecistVersion, nadirSumMm: number, currentSumMm: number): boolean {
  if (nadirSumMm === 0) return currentSumMm > 0;
  const pct = computePercentChange(nadirSumMm, currentSumMm) ?? 0;
  const relative = pct >= PD_INCREASE_PCT;
  if (version === "1.0") return relative;
  return relative && computeAbsoluteChangeMm(nadirSumMm, currentSumMm) >= PD_MIN_ABSOLUTE_INCREASE_MM_V11;
}

/**
 * Classifies the target lesions from their sums (RECIST 1.0 Evaluation of target lesions;
 * RECIST 1.1 section 4.3.1). Order: not all evaluated -> PD if the assessed lesions alone
 * already progress, else NE (1.1 section 4.4.2); all resolved -> CR; PD; PR; otherwise SD.
 * CR is checked before PD because in 1.1 nodes that stay < 10 mm are normal even if they
 * grow from their nadir (RECIST 1.1 section 4.3.2, Lymph nodes).
 */
export function classifyTargetResponse(input: TargetSumsInput): TargetResponseResult {
  checkSums(input);
  const { version, baselineSumMm, nadirSumMm, currentSumMm } = input;
  const pctFromBaseline = computePercentChange(baselineSumMm, currentSumMm) ?? 0;
  const pctFromNadir = computePercentChange(nadirSumMm, currentSumMm);
  const absoluteChangeFromNadirMm = computeAbsoluteChangeMm(nadirSumMm, currentSumMm);
  const progression = meetsTargetProgression(version, nadirSumMm, currentSumMm);
  const result = (targetResponse: TargetResponse): TargetResponseResult => ({
    targetResponse,
    pctFromBaseline,
    pctFromNadir,
    absoluteChangeFromNadirMm,
  });

  // RECIST 1.1 section 4.4.2: a missing lesion can only add to the sum, so PD from the assessed ones stands; otherwise NE.
  if (input.allTargetsEvaluated === false) return result(progression ? "PD" : "NE");
  const resolved = input.allTargetsResolved ?? currentSumMm === 0;
  if (resolved) return result("CR");
  if (progression) return result("PD");
  if (pctFromBaseline <= -PR_DECREASE_PCT) return result("PR");
  return result("SD");
}
