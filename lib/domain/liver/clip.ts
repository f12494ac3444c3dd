import { CalcInputError } from "../calc-command";
import { CHILD_PUGH_CLASSES, type ChildPughClass } from "./child-pugh";
import { requireInRange } from "../validate-range";

/** Tumour morphology as defined by CLIP. */
export type TumourMorphology = "uninodular" | "multinodular" | "massive";
/** Allowed values, for schemas and forms. */
export const TUMOUR_MORPHOLOGIES = [
  "uninodular",
  "multinodular",
  "massive",
] as const satisfies readonly TumourMorphology[];

/** CLIP inputs. AFP in ng/mL (= ug/L). */
export interface ClipInput {
  childPughClass: ChildPughClass;
  tumourMorphology: TumourMorphology;
  /** Tumour replaces more than 50% of the liver. */
  tumourExtentOver50Pct: boolean;
  afpNgPerMl: number;
  portalVeinThrombosis: boolean;
}

/** CLIP score (0-6) with the points of each item. */
export interface ClipResult {
  score: number;
  points: { childPugh: 0 | 1 | 2; tumour: 0 | 1 | 2; afp: 0 | 1; portalVeinThrombosis: 0 | 1 };
}

/** AFP cut-off of the CLIP score in ng/mL. */
export const CLIP_AFP_CUTOFF_NG_PER_ML = 400;

/**
 * CLIP score. The CLIP Investigators. A new prognostic system for hepatocellular carcinoma: a
 * retrospective study of 435 patients. Hepatology 1998;28:751-755, Table 1.
 * Throws CalcInputError naming the field for an unknown class/morphology or a negative AFP.
 */
export function computeClipScore(input: ClipInput): ClipResult {
  if (!CHILD_PUGH_CLASSES.includes(input.childPughClass)) {
    throw new CalcInputError("childPughClass must be A, B or C", "childPughClass");
  }
  if (!TUMOUR_MORPHOLOGIES.includes(input.tumourMorphology)) {
    throw new CalcInputError(`tumourMorphology must be one of ${TUMOUR_MORPHOLOGIES.join(", ")}`, "tumourMorphology");
  }
  const afpNgPerMl = requireInRange(input.afpNgPerMl, "afpNgPerMl", { min: 0, max: Number.MAX_VALUE }, "ng/mL");
  // CLIP 1998: Child-Pugh A 0, B 1, C 2
  const childPugh = ({ A: 0, B: 1, C: 2 } as const)[input.childPughClass];
  // CLIP 1998: uninodular and extension <=50% 0; multinodular and <=50% 1; massive or >50% 2
  const tumour: 0 | 1 | 2 =
    input.tumourMorphology === "massive" || input.tumourExtentOver50Pct
      ? 2
      : input.tumourMorphology === "multinodular"
        ? 1
        : 0;
  // CLIP 1998: AFP <400 ng/mL 0, >=400 ng/mL 1
  const afp: 0 | 1 = afpNgPerMl >= CLIP_AFP_CUTOFF_NG_PER_ML ? 1 : 0;
  // CLIP 1998: portal vein thrombosis no 0, yes 1
  const portalVeinThrombosis: 0 | 1 = input.portalVeinThrombosis ? 1 : 0;
  return {
    score: childPugh + tumour + afp + portalVeinThrombosis,
    points: { childPugh, tumour, afp, portalVeinThrombosis },
  };
}
