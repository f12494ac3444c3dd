/**
 * Liver and HCC staging rules for Trialdesk: Child-Pugh, CLIP, BCLC and ECOG performance status.
 * Pure functions; invalid input throws CalcInputError naming the field.
 */
export {
  ALBUMIN_G_PER_DL_RANGE,
  ASCITES_VALUES,
  BILIRUBIN_MG_PER_DL_RANGE,
  BILIRUBIN_UMOL_PER_L_PER_MG_PER_DL,
  CHILD_PUGH_CLASSES,
  ENCEPHALOPATHY_VALUES,
  INR_RANGE,
  classifyChildPughScore,
  computeChildPugh,
  convertAlbuminGPerLToGPerDl,
  convertBilirubinUmolPerLToMgPerDl,
  type Ascites,
  type ChildPughClass,
  type ChildPughInput,
  type ChildPughPoints,
  type ChildPughResult,
  type Encephalopathy,
} from "./child-pugh";
export {
  CLIP_AFP_CUTOFF_NG_PER_ML,
  TUMOUR_MORPHOLOGIES,
  computeClipScore,
  type ClipInput,
  type ClipResult,
  type TumourMorphology,
} from "./clip";
export {
  LIVER_FUNCTIONS,
  NODULE_CM_RANGE,
  computeBclcStage,
  type BclcInput,
  type BclcResult,
  type BclcRuleId,
  type BclcStage,
  type LiverFunction,
} from "./bclc";
export { ECOG_PERFORMANCE_STATUS, describeEcogPs, isEcogPs, validateEcogPs, type EcogPs } from "./ecog";
export { liverCalcCommands } from "./calc-commands";
