/**
 * Dosing rules for Trialdesk: body surface area, UFT (tegafur/uracil) capsule dose,
 * thalidomide fixed dose, dose levels, weight-change recalculation flag and capsule compliance.
 * Pure functions; invalid input throws CalcInputError naming the field.
 */
export {
  BSA_M2_RANGE,
  BSA_METHODS,
  HEIGHT_CM_RANGE,
  WEIGHT_KG_RANGE,
  computeBsa,
  roundBsaForDisplay,
  validateBsaM2,
  type BsaInput,
  type BsaMethod,
  type BsaResult,
} from "./bsa";
export {
  CAPSULE_ROUNDINGS,
  UFT_CAPSULE_TEGAFUR_MG,
  UFT_DOSES_PER_DAY,
  computeUftDose,
  describeRoundingRule,
  roundToCapsules,
  type CapsuleRounding,
  type UftDose,
  type UftDoseInput,
  type UftDoseOptions,
} from "./uft-dose";
export { computeThalidomideDose, type ThalidomideDose, type ThalidomideDoseInput } from "./thalidomide-dose";
export {
  DEFAULT_DOSE_LEVELS,
  checkDoseLevelConfig,
  getDoseLevel,
  listDoseLevels,
  type DoseLevelConfig,
  type DoseLevelsByDrug,
  type Drug,
  type ThalidomideDoseLevel,
  type UftDoseLevel,
} from "./dose-levels";
export {
  WEIGHT_CHANGE_THRESHOLD_PCT,
  checkWeightChange,
  type WeightChangeInput,
  type WeightChangeResult,
} from "./weight-change";
export { computeCompliance, type ComplianceInput, type ComplianceResult } from "./compliance";
export { dosingCalcCommands } from "./calc-commands";
