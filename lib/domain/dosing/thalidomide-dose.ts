import { CalcInputError } from "../calc-command";
import { DEFAULT_DOSE_LEVELS, getDoseLevel, type ThalidomideDoseLevel } from "./dose-levels";

/** Input to computeThalidomideDose: the dose level (default 0) and optionally a custom table. */
export interface ThalidomideDoseInput {
  doseLevel?: number;
  levels?: readonly ThalidomideDoseLevel[];
}

/** A fixed (not BSA-based) thalidomide dose. */
export interface ThalidomideDose {
  doseLevel: number;
  mgPerDose: number;
  dosesPerDay: number;
  dailyMg: number;
  label: string;
}

/**
 * Thalidomide dose at a level. docs/protocol.md: 100 mg twice daily, fixed (level 0); reductions come
 * from the trial's configured table. Throws CalcInputError("doseLevel") for an unknown level.
 */
export function computeThalidomideDose(input: ThalidomideDoseInput = {}): ThalidomideDose {
  const doseLevel = input.doseLevel ?? 0;
  const config = { ...DEFAULT_DOSE_LEVELS, thalidomide: input.levels ?? DEFAULT_DOSE_LEVELS.thalidomide };
  const entry = getDoseLevel("thalidomide", doseLevel, config);
  if (!entry) {
    const known = config.thalidomide.map((level) => level.level).join(", ");
    throw new CalcInputError(`doseLevel ${doseLevel} is not a thalidomide dose level (${known})`, "doseLevel");
  }
  return {
    doseLevel,
    mgPerDose: entry.mgPerDose,
    dosesPerDay: entry.dosesPerDay,
    dailyMg: entry.mgPerDose * entry.dosesPerDay,
    label: entry.label,
  };
}
