import { CalcInputError } from "../calc-command";
import { CHILD_PUGH_CLASSES, type ChildPughClass } from "./child-pugh";
import { validateEcogPs } from "./ecog";
import { requireInRange, requireInteger } from "../validate-range";

/** BCLC stage. */
export type BclcStage = "0" | "A" | "B" | "C" | "D";
/** Liver function as used by BCLC 2022. */
export type LiverFunction = "preserved" | "end-stage";
/** Allowed values, for schemas and forms. */
export const LIVER_FUNCTIONS = ["preserved", "end-stage"] as const satisfies readonly LiverFunction[];

/** Identifies which rule decided the stage (stable, for storage and tests). */
export type BclcRuleId =
  | "end-stage-liver-function"
  | "ecog-3-4"
  | "ecog-1-2"
  | "portal-invasion-or-extrahepatic-spread"
  | "single-le-2cm"
  | "single-or-up-to-3-le-3cm"
  | "multinodular";

/** BCLC inputs. Give liverFunction, or childPughClass (mapped A/B -> preserved, C -> end-stage). */
export interface BclcInput {
  /** ECOG performance status 0-4 (5 = dead cannot be staged). */
  ecogPs: number;
  liverFunction?: LiverFunction;
  childPughClass?: ChildPughClass;
  /** Number of HCC nodules (>= 1). */
  noduleCount: number;
  /** Diameter of the largest nodule in cm. */
  largestNoduleCm: number;
  /** Macrovascular (portal) invasion. */
  portalInvasion: boolean;
  /** Extrahepatic spread (nodes or distant metastases). */
  extrahepaticSpread: boolean;
}

/** The stage, the rule that decided it and the liver function used. */
export interface BclcResult {
  stage: BclcStage;
  ruleId: BclcRuleId;
  /** Human-readable rule, to show and to store beside the stage. */
  rule: string;
  liverFunction: LiverFunction;
}

/** Largest nodule plausibility range in cm (trial-configured). */
export const NODULE_CM_RANGE = { min: 0.1, max: 40 } as const;

function resolveLiverFunction(input: BclcInput): LiverFunction {
  const { liverFunction, childPughClass } = input;
  if (liverFunction !== undefined && !LIVER_FUNCTIONS.includes(liverFunction)) {
    throw new CalcInputError("liverFunction must be preserved or end-stage", "liverFunction");
  }
  if (childPughClass !== undefined && !CHILD_PUGH_CLASSES.includes(childPughClass)) {
    throw new CalcInputError("childPughClass must be A, B or C", "childPughClass");
  }
  // Judgement call: Child-Pugh C = end-stage, A/B = preserved, as in the 1999-2018 BCLC
  // versions (stage D = Child-Pugh C). BCLC 2022 asks for clinical judgement in Child-Pugh B,
  // so an investigator may override with liverFunction.
  const fromClass: LiverFunction | undefined =
    childPughClass === undefined ? undefined : childPughClass === "C" ? "end-stage" : "preserved";
  if (liverFunction !== undefined && fromClass !== undefined && liverFunction !== fromClass) {
    throw new CalcInputError(
      `liverFunction ${liverFunction} contradicts Child-Pugh class ${childPughClass}`,
      "liverFunction",
    );
  }
  const resolved = liverFunction ?? fromClass;
  if (resolved === undefined) throw new CalcInputError("give liverFunction or childPughClass", "liverFunction");
  return resolved;
}

/**
 * BCLC stage. Reig M et al. BCLC strategy for prognosis prediction and treatment
 * recommendation: the 2022 update. J Hepatol 2022;76:681-693, Figure 1. Rules are applied in
 * order, the first match decides:
 * end-stage liver function -> D; ECOG 3-4 -> D; ECOG 1-2 -> C; portal invasion or extrahepatic
 * spread -> C; single <=2 cm -> 0; single, or <=3 nodules all <=3 cm -> A; otherwise -> B.
 * Throws CalcInputError naming the field for invalid input (including ECOG 5).
 */
export function computeBclcStage(input: BclcInput): BclcResult {
  const ecogPs = validateEcogPs(input.ecogPs);
  if (ecogPs === 5) throw new CalcInputError("ecogPs 5 (dead) cannot be staged", "ecogPs");
  const liverFunction = resolveLiverFunction(input);
  const noduleCount = requireInteger(input.noduleCount, "noduleCount", 1);
  const largestNoduleCm = requireInRange(input.largestNoduleCm, "largestNoduleCm", NODULE_CM_RANGE, "cm");
  const decide = (stage: BclcStage, ruleId: BclcRuleId, rule: string): BclcResult => ({
    stage,
    ruleId,
    rule,
    liverFunction,
  });

  // BCLC 2022 Fig. 1, terminal stage D: end-stage liver function (any tumour burden)
  if (liverFunction === "end-stage")
    return decide("D", "end-stage-liver-function", "end-stage liver function -> BCLC D");
  // BCLC 2022 Fig. 1, terminal stage D: ECOG-PS >2
  if (ecogPs >= 3) return decide("D", "ecog-3-4", `ECOG PS ${ecogPs} (3-4) -> BCLC D`);
  // BCLC 2022 Fig. 1, advanced stage C: cancer-related symptoms, ECOG-PS 1-2
  if (ecogPs >= 1) return decide("C", "ecog-1-2", `ECOG PS ${ecogPs} (1-2) with preserved liver function -> BCLC C`);
  // BCLC 2022 Fig. 1, advanced stage C: portal invasion and/or extrahepatic spread
  if (input.portalInvasion || input.extrahepaticSpread) {
    return decide(
      "C",
      "portal-invasion-or-extrahepatic-spread",
      "portal invasion and/or extrahepatic spread -> BCLC C",
    );
  }
  // BCLC 2022 Fig. 1, very early stage 0: single nodule <=2 cm, ECOG-PS 0, preserved liver function
  if (noduleCount === 1 && largestNoduleCm <= 2) {
    return decide("0", "single-le-2cm", "single nodule <=2 cm, ECOG PS 0, preserved liver function -> BCLC 0");
  }
  // BCLC 2022 Fig. 1, early stage A: single (any size) or <=3 nodules each <=3 cm, ECOG-PS 0
  if (noduleCount === 1 || (noduleCount <= 3 && largestNoduleCm <= 3)) {
    return decide(
      "A",
      "single-or-up-to-3-le-3cm",
      "single nodule, or up to 3 nodules each <=3 cm, ECOG PS 0 -> BCLC A",
    );
  }
  // BCLC 2022 Fig. 1, intermediate stage B: multinodular, ECOG-PS 0, preserved liver function
  return decide("B", "multinodular", "multinodular (beyond up to 3 nodules <=3 cm), ECOG PS 0 -> BCLC B");
}
