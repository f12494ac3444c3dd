import { doseLevelOrThrow, type ThalidomideDoseLevel } from "./dose-levels";

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
  const entry = doseLevelOrThrow("thalidomide", doseLevel, input.levels);
  return {
    doseLevel,
    mgPerDose: entry.mgPerDose,
    dosesPerDay: entry.dosesPerDay,
    dailyMg: entry.mgPerDose * entry.dosesPerDay,
    label: entry.label,
  };
}
