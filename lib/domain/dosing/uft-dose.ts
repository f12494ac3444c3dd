import { CalcInputError } from "../calc-command";
import { computeBsa, validateBsaM2, type BsaMethod } from "./bsa";
import { doseLevelOrThrow, type UftDoseLevel } from "./dose-levels";
import { snapFloat } from "../validate-range";

/** The rounding rules accepted by computeUftDose, default first. */
export const CAPSULE_ROUNDINGS = ["nearest", "down", "up"] as const;

/** How a computed mg dose becomes whole capsules. */
export type CapsuleRounding = (typeof CAPSULE_ROUNDINGS)[number];

/** docs/protocol.md: each UFT capsule contains 100 mg tegafur (+224 mg uracil); doses are on tegafur. */
export const UFT_CAPSULE_TEGAFUR_MG = 100;

/** docs/protocol.md: UFT is taken twice daily. */
export const UFT_DOSES_PER_DAY = 2;

/** Options shared by both forms of UFT dose input. */
export interface UftDoseOptions {
  /** Default "nearest" (halves up). */
  rounding?: CapsuleRounding;
  /** Default 0 (starting dose). */
  doseLevel?: number;
  /** Custom UFT dose-level table; default DEFAULT_DOSE_LEVELS.uft. */
  levels?: readonly UftDoseLevel[];
  /** Tegafur per capsule in mg; default 100. */
  capsuleMg?: number;
}

/** UFT dose input: height and weight (BSA computed here), or a BSA already computed. */
export type UftDoseInput = (
  | { heightCm: number; weightKg: number; method?: BsaMethod; bsaM2?: undefined }
  | { bsaM2: number; heightCm?: undefined; weightKg?: undefined; method?: undefined }
) &
  UftDoseOptions;

/** A UFT dose per administration, with everything needed to record how it was derived. */
export interface UftDose {
  /** Full-precision BSA the dose was computed from (m2). */
  bsaM2: number;
  /** Formula used, or "given" when bsaM2 was supplied. */
  bsaMethod: BsaMethod | "given";
  doseLevel: number;
  mgPerM2: number;
  /** bsaM2 x mgPerM2, unrounded (mg tegafur per dose). */
  rawMg: number;
  /** capsulesPerDose x capsuleMg (mg tegafur per dose). */
  roundedMg: number;
  capsuleMg: number;
  capsulesPerDose: number;
  dosesPerDay: number;
  /** roundedMg x dosesPerDay. */
  dailyMg: number;
  rounding: CapsuleRounding;
  /** Human-readable rounding rule, to be stored with the dose record. */
  rule: string;
}

/** The human-readable name of a rounding rule, e.g. "nearest 100 mg capsule, halves up". */
export function describeRoundingRule(rounding: CapsuleRounding, capsuleMg: number = UFT_CAPSULE_TEGAFUR_MG): string {
  switch (rounding) {
    case "nearest":
      return `nearest ${capsuleMg} mg capsule, halves up`;
    case "down":
      return `down to a whole ${capsuleMg} mg capsule`;
    case "up":
      return `up to a whole ${capsuleMg} mg capsule`;
  }
}

/**
 * Whole capsules for `rawMg`. The capsule fraction is snapped first so that float noise
 * (e.g. 149.99999999999997 mg) cannot move an exact boundary across a capsule.
 */
export function roundToCapsules(rawMg: number, capsuleMg: number, rounding: CapsuleRounding): number {
  const capsules = snapFloat(rawMg / capsuleMg);
  switch (rounding) {
    case "nearest":
      return Math.floor(capsules + 0.5);
    case "down":
      return Math.floor(capsules);
    case "up":
      return Math.ceil(capsules);
    default:
      throw new CalcInputError(`rounding must be one of ${CAPSULE_ROUNDINGS.join(", ")}`, "rounding");
  }
}

function resolveBsa(input: UftDoseInput): { bsaM2: number; bsaMethod: BsaMethod | "given" } {
  if (input.bsaM2 !== undefined) {
    if (input.heightCm !== undefined || input.weightKg !== undefined) {
      throw new CalcInputError("give either bsaM2 or heightCm and weightKg, not both", "bsaM2");
    }
    return { bsaM2: validateBsaM2(input.bsaM2), bsaMethod: "given" };
  }
  const bsa = computeBsa(input);
  return { bsaM2: bsa.bsaM2, bsaMethod: bsa.method };
}

/**
 * UFT (tegafur/uracil) dose per administration. docs/protocol.md: 125 mg/m2 of tegafur twice daily at
 * level 0, as whole 100 mg capsules. BSA is used at full precision (not rounded to 2 decimals),
 * so the recorded `bsaM2` must be stored unrounded for the dose to be reproducible.
 * Throws CalcInputError for implausible input, an unknown dose level, or a dose that rounds to
 * zero capsules.
 */
export function computeUftDose(input: UftDoseInput): UftDose {
  const { bsaM2, bsaMethod } = resolveBsa(input);
  const rounding = input.rounding ?? "nearest";
  const capsuleMg = input.capsuleMg ?? UFT_CAPSULE_TEGAFUR_MG;
  if (!(capsuleMg > 0)) throw new CalcInputError("capsuleMg must be a positive number of mg", "capsuleMg");
  const doseLevel = input.doseLevel ?? 0;
  const level = doseLevelOrThrow("uft", doseLevel, input.levels);
  const rawMg = bsaM2 * level.mgPerM2;
  const capsulesPerDose = roundToCapsules(rawMg, capsuleMg, rounding);
  const rule = describeRoundingRule(rounding, capsuleMg);
  if (capsulesPerDose < 1) {
    // A zero-capsule prescription is never what the protocol intends: refer it to the investigator.
    throw new CalcInputError(`${rawMg.toFixed(1)} mg rounds to 0 capsules (${rule})`, "rounding");
  }
  const roundedMg = capsulesPerDose * capsuleMg;
  return {
    bsaM2,
    bsaMethod,
    doseLevel,
    mgPerM2: level.mgPerM2,
    rawMg,
    roundedMg,
    capsuleMg,
    capsulesPerDose,
    dosesPerDay: UFT_DOSES_PER_DAY,
    dailyMg: roundedMg * UFT_DOSES_PER_DAY,
    rounding,
    rule,
  };
}
