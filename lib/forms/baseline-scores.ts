import { CalcInputError } from "@/lib/domain/calc-command";
import { computeBsa, roundBsaForDisplay, type BsaMethod } from "@/lib/domain/dosing/bsa";
import { computeBclcStage, type BclcStage } from "@/lib/domain/liver/bclc";
import {
  computeChildPugh,
  convertAlbuminGPerLToGPerDl,
  convertBilirubinUmolPerLToMgPerDl,
  type Ascites,
  type ChildPughClass,
  type ChildPughPoints,
  type Encephalopathy,
} from "@/lib/domain/liver/child-pugh";
import { computeClipScore, type TumourMorphology } from "@/lib/domain/liver/clip";
import { describeEcogPs, isEcogPs } from "@/lib/domain/liver/ecog";

export type BilirubinUnit = "mg/dL" | "umol/L";
export type AlbuminUnit = "g/dL" | "g/L";
type YesNo = "yes" | "no";

/**
 * The baseline inputs the scores need, as loose as the browser may hold them while the
 * investigator types (any field may be missing or null); the saved form is stricter.
 */
export interface BaselineScoreInput {
  heightCm?: number | null;
  weightKg?: number | null;
  ecogPs?: number | null;
  bilirubin?: { value?: number | null; unit?: BilirubinUnit } | null;
  albumin?: { value?: number | null; unit?: AlbuminUnit } | null;
  inr?: number | null;
  ascites?: Ascites | null;
  encephalopathy?: Encephalopathy | null;
  tumourMorphology?: TumourMorphology | null;
  tumourExtentOver50Pct?: YesNo | null;
  afpNgPerMl?: number | null;
  portalVeinInvasion?: YesNo | null;
  noduleCount?: number | null;
  largestNoduleCm?: number | null;
  extrahepaticSpread?: YesNo | null;
}

/** What the rules engine derives from baseline: each part is null until its inputs are all given. */
export interface BaselineScores {
  bsa: { bsaM2: number; bsaM2Display: number; method: BsaMethod } | null;
  ecogDescription: string | null;
  childPugh: {
    score: number;
    class: ChildPughClass;
    points: ChildPughPoints;
    bilirubinMgPerDl: number;
    albuminGPerDl: number;
  } | null;
  clip: { score: number; points: Record<string, number> } | null;
  bclc: { stage: BclcStage; rule: string } | null;
}

// The calculators name their inputs in conventional units; the form stores what was typed.
const FORM_PATH_OF_CALC_FIELD: Readonly<Record<string, string>> = {
  heightCm: "heightCm",
  weightKg: "weightKg",
  ecogPs: "ecogPs",
  bilirubinMgPerDl: "bilirubin.value",
  albuminGPerDl: "albumin.value",
  inr: "inr",
  afpNgPerMl: "afpNgPerMl",
  noduleCount: "noduleCount",
  largestNoduleCm: "largestNoduleCm",
};

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** Bilirubin in mg/dL whatever unit was typed (the Child-Pugh cut-offs are in mg/dL). */
export function toBilirubinMgPerDl(value: number, unit: BilirubinUnit): number {
  return unit === "umol/L" ? convertBilirubinUmolPerLToMgPerDl(value) : value;
}

/** Albumin in g/dL whatever unit was typed. */
export function toAlbuminGPerDl(value: number, unit: AlbuminUnit): number {
  return unit === "g/L" ? convertAlbuminGPerLToGPerDl(value) : value;
}

/**
 * BSA, Child-Pugh, CLIP (with the computed Child-Pugh class) and BCLC from the baseline
 * inputs, by the lib/domain calculators only. A calculator's refusal (CalcInputError) becomes
 * a field error on the form field it names, so the browser and the server show the same
 * message next to the same field.
 */
export function computeBaselineScores(input: BaselineScoreInput): {
  scores: BaselineScores;
  errors: Record<string, string[]>;
} {
  const errors: Record<string, string[]> = {};
  const attempt = <T>(what: string, run: () => T): T | null => {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof CalcInputError)) throw error;
      const path = (error.field && FORM_PATH_OF_CALC_FIELD[error.field]) ?? "_form";
      (errors[path] ??= []).push(`${what} cannot be computed: ${error.message}`);
      return null;
    }
  };

  const { heightCm, weightKg, ecogPs, inr, ascites, encephalopathy, afpNgPerMl } = input;
  const bsa =
    isNumber(heightCm) && isNumber(weightKg)
      ? attempt("BSA", () => {
          const result = computeBsa({ heightCm, weightKg });
          return { bsaM2: result.bsaM2, bsaM2Display: roundBsaForDisplay(result.bsaM2), method: result.method };
        })
      : null;

  const bilirubin = input.bilirubin?.value;
  const albumin = input.albumin?.value;
  const childPugh =
    isNumber(bilirubin) && isNumber(albumin) && isNumber(inr) && ascites && encephalopathy
      ? attempt("Child-Pugh", () => {
          const bilirubinMgPerDl = toBilirubinMgPerDl(bilirubin, input.bilirubin?.unit ?? "mg/dL");
          const albuminGPerDl = toAlbuminGPerDl(albumin, input.albumin?.unit ?? "g/dL");
          const result = computeChildPugh({ bilirubinMgPerDl, albuminGPerDl, inr, ascites, encephalopathy });
          return { ...result, bilirubinMgPerDl, albuminGPerDl };
        })
      : null;

  const { tumourMorphology, tumourExtentOver50Pct, portalVeinInvasion } = input;
  const clip =
    childPugh && tumourMorphology && tumourExtentOver50Pct && isNumber(afpNgPerMl) && portalVeinInvasion
      ? attempt("CLIP", () =>
          computeClipScore({
            childPughClass: childPugh.class,
            tumourMorphology,
            tumourExtentOver50Pct: tumourExtentOver50Pct === "yes",
            afpNgPerMl,
            portalVeinThrombosis: portalVeinInvasion === "yes",
          }),
        )
      : null;

  const { noduleCount, largestNoduleCm, extrahepaticSpread } = input;
  const bclc =
    childPugh &&
    isNumber(ecogPs) &&
    isNumber(noduleCount) &&
    isNumber(largestNoduleCm) &&
    portalVeinInvasion &&
    extrahepaticSpread
      ? attempt("BCLC", () => {
          const result = computeBclcStage({
            ecogPs,
            childPughClass: childPugh.class,
            noduleCount,
            largestNoduleCm,
            portalInvasion: portalVeinInvasion === "yes",
            extrahepaticSpread: extrahepaticSpread === "yes",
          });
          return { stage: result.stage, rule: result.rule };
        })
      : null;

  return {
    scores: { bsa, ecogDescription: isEcogPs(ecogPs) ? describeEcogPs(ecogPs) : null, childPugh, clip, bclc },
    errors,
  };
}

/** "Child-Pugh A (5), CLIP 2, BCLC C": the parts computed so far, for the patient page. */
export function summarizeBaselineScores(scores: BaselineScores): string | null {
  const parts = [
    scores.childPugh ? `Child-Pugh ${scores.childPugh.class} (${scores.childPugh.score})` : null,
    scores.clip ? `CLIP ${scores.clip.score}` : null,
    scores.bclc ? `BCLC ${scores.bclc.stage}` : null,
  ].filter((part) => part !== null);
  return parts.length ? parts.join(", ") : null;
}
