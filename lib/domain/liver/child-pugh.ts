import { CalcInputError } from "../calc-command";
import { requireInRange, snapFloat, type NumericRange } from "../validate-range";

/** Ascites as graded clinically for Child-Pugh. */
export type Ascites = "none" | "mild" | "moderate-severe";
/** Hepatic encephalopathy (West Haven grade) as grouped for Child-Pugh. */
export type Encephalopathy = "none" | "grade-1-2" | "grade-3-4";
/** Child-Pugh class. */
export type ChildPughClass = "A" | "B" | "C";

/** Allowed values, for schemas and forms. */
export const ASCITES_VALUES = ["none", "mild", "moderate-severe"] as const satisfies readonly Ascites[];
/** Allowed values, for schemas and forms. */
export const ENCEPHALOPATHY_VALUES = ["none", "grade-1-2", "grade-3-4"] as const satisfies readonly Encephalopathy[];
/** Allowed values, for schemas and forms. */
export const CHILD_PUGH_CLASSES = ["A", "B", "C"] as const satisfies readonly ChildPughClass[];

/** Plausibility ranges (trial-configured); albumin catches g/L typed as g/dL (e.g. 35). */
export const BILIRUBIN_MG_PER_DL_RANGE: NumericRange = { min: 0, max: 50 };
/** Serum albumin plausibility range in g/dL. */
export const ALBUMIN_G_PER_DL_RANGE: NumericRange = { min: 0.5, max: 7 };
/** INR plausibility range. */
export const INR_RANGE: NumericRange = { min: 0.5, max: 15 };

/** Child-Pugh inputs in conventional units (use the converters for SI units). */
export interface ChildPughInput {
  bilirubinMgPerDl: number;
  albuminGPerDl: number;
  inr: number;
  ascites: Ascites;
  encephalopathy: Encephalopathy;
}

/** Points (1-3) per Child-Pugh item. */
export interface ChildPughPoints {
  bilirubin: 1 | 2 | 3;
  albumin: 1 | 2 | 3;
  inr: 1 | 2 | 3;
  ascites: 1 | 2 | 3;
  encephalopathy: 1 | 2 | 3;
}

/** Child-Pugh score (5-15), class and the points behind it. */
export interface ChildPughResult {
  score: number;
  class: ChildPughClass;
  points: ChildPughPoints;
}

/** 1 mg/dL bilirubin = 17.1 umol/L (molar mass 584.7 g/mol). */
export const BILIRUBIN_UMOL_PER_L_PER_MG_PER_DL = 17.1;

/**
 * Converts bilirubin from umol/L to mg/dL (divide by 17.1). Snapped so that 34.2 and 51.3 umol/L
 * land exactly on the 2 and 3 mg/dL cut-offs. Note: tables quoting <34 / 34-50 / >50 umol/L
 * differ from the converted mg/dL cut-offs between 34.0 and 34.2 umol/L; this module applies the
 * mg/dL cut-offs.
 */
export function convertBilirubinUmolPerLToMgPerDl(bilirubinUmolPerL: number): number {
  return snapFloat(bilirubinUmolPerL / BILIRUBIN_UMOL_PER_L_PER_MG_PER_DL);
}

/** Converts albumin from g/L to g/dL (divide by 10). */
export function convertAlbuminGPerLToGPerDl(albuminGPerL: number): number {
  return snapFloat(albuminGPerL / 10);
}

// Pugh RN et al. Transection of the oesophagus for bleeding oesophageal varices. Br J Surg
// 1973;60:646-649, Table 1, with prothrombin time replaced by INR as in current practice.
function scoreBilirubin(mgPerDl: number): 1 | 2 | 3 {
  // Pugh 1973: bilirubin <2 mg/dL 1 point; 2-3 mg/dL 2 points; >3 mg/dL 3 points
  return mgPerDl < 2 ? 1 : mgPerDl <= 3 ? 2 : 3;
}

function scoreAlbumin(gPerDl: number): 1 | 2 | 3 {
  // Pugh 1973: albumin >3.5 g/dL 1 point; 2.8-3.5 g/dL 2 points; <2.8 g/dL 3 points
  return gPerDl > 3.5 ? 1 : gPerDl >= 2.8 ? 2 : 3;
}

function scoreInr(inr: number): 1 | 2 | 3 {
  // Current practice (INR in place of Pugh 1973 PT prolongation): <1.7 1; 1.7-2.3 2; >2.3 3
  return inr < 1.7 ? 1 : inr <= 2.3 ? 2 : 3;
}

const ASCITES_POINTS: Record<Ascites, 1 | 2 | 3> = { none: 1, mild: 2, "moderate-severe": 3 };
const ENCEPHALOPATHY_POINTS: Record<Encephalopathy, 1 | 2 | 3> = { none: 1, "grade-1-2": 2, "grade-3-4": 3 };

/** Child-Pugh class from the total score: A 5-6, B 7-9, C 10-15 (Pugh 1973). */
export function classifyChildPughScore(score: number): ChildPughClass {
  if (!Number.isInteger(score) || score < 5 || score > 15) {
    throw new CalcInputError("Child-Pugh score must be a whole number from 5 to 15", "score");
  }
  return score <= 6 ? "A" : score <= 9 ? "B" : "C";
}

/**
 * Child-Pugh score and class. Cut-offs: bilirubin <2 / 2-3 / >3 mg/dL; albumin >3.5 / 2.8-3.5 /
 * <2.8 g/dL; INR <1.7 / 1.7-2.3 / >2.3; ascites none / mild / moderate-severe; encephalopathy
 * none / grade 1-2 / grade 3-4. Throws CalcInputError naming the field for implausible values.
 */
export function computeChildPugh(input: ChildPughInput): ChildPughResult {
  const bilirubin = requireInRange(input.bilirubinMgPerDl, "bilirubinMgPerDl", BILIRUBIN_MG_PER_DL_RANGE, "mg/dL");
  const albumin = requireInRange(input.albuminGPerDl, "albuminGPerDl", ALBUMIN_G_PER_DL_RANGE, "g/dL");
  const inr = requireInRange(input.inr, "inr", INR_RANGE, "");
  const ascites = ASCITES_POINTS[input.ascites];
  if (ascites === undefined) throw new CalcInputError(`ascites must be one of ${ASCITES_VALUES.join(", ")}`, "ascites");
  const encephalopathy = ENCEPHALOPATHY_POINTS[input.encephalopathy];
  if (encephalopathy === undefined) {
    throw new CalcInputError(`encephalopathy must be one of ${ENCEPHALOPATHY_VALUES.join(", ")}`, "encephalopathy");
  }
  const points: ChildPughPoints = {
    bilirubin: scoreBilirubin(snapFloat(bilirubin)),
    albumin: scoreAlbumin(snapFloat(albumin)),
    inr: scoreInr(snapFloat(inr)),
    ascites,
    encephalopathy,
  };
  const score = points.bilirubin + points.albumin + points.inr + points.ascites + points.encephalopathy;
  return { score, class: classifyChildPughScore(score), points };
}
