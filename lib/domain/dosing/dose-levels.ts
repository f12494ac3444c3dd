import { CalcInputError } from "../calc-command";

/** A BSA-based UFT dose level: tegafur mg/m2 per dose, given twice daily. */
export interface UftDoseLevel {
  /** 0 = starting dose, -1 = first reduction, -2 = second reduction. */
  readonly level: number;
  readonly mgPerM2: number;
  readonly label: string;
}

/** A fixed thalidomide dose level: mg per dose and doses per day. */
export interface ThalidomideDoseLevel {
  readonly level: number;
  readonly mgPerDose: number;
  readonly dosesPerDay: number;
  readonly label: string;
}

/** Dose-level type per study drug. */
export interface DoseLevelsByDrug {
  uft: UftDoseLevel;
  thalidomide: ThalidomideDoseLevel;
}

/** A study drug with dose levels. */
export type Drug = keyof DoseLevelsByDrug;

/** The dose-level table of a trial: one list per drug, starting level 0 first. */
export type DoseLevelConfig = { readonly [D in Drug]: readonly DoseLevelsByDrug[D][] };

/**
 * Level 0 of each drug is the protocol dose of docs/protocol.md (Shao et al. 2012): UFT 125 mg/m2 of
 * tegafur twice daily; thalidomide 100 mg twice daily. Levels -1 and -2 are THIS TRIAL'S
 * CONFIGURED reduction levels, not a published standard: replace this table (or pass your own)
 * when a protocol defines other steps.
 */
export const DEFAULT_DOSE_LEVELS: DoseLevelConfig = {
  uft: [
    { level: 0, mgPerM2: 125, label: "starting dose, 125 mg/m2 twice daily" },
    { level: -1, mgPerM2: 100, label: "first reduction, 100 mg/m2 twice daily" },
    { level: -2, mgPerM2: 75, label: "second reduction, 75 mg/m2 twice daily" },
  ],
  thalidomide: [
    { level: 0, mgPerDose: 100, dosesPerDay: 2, label: "starting dose, 100 mg twice daily" },
    { level: -1, mgPerDose: 100, dosesPerDay: 1, label: "first reduction, 100 mg once daily" },
    { level: -2, mgPerDose: 50, dosesPerDay: 1, label: "second reduction, 50 mg once daily" },
  ],
};

/** All dose levels of `drug`, as configured (default: DEFAULT_DOSE_LEVELS). */
export function listDoseLevels<D extends Drug>(
  drug: D,
  config: DoseLevelConfig = DEFAULT_DOSE_LEVELS,
): readonly DoseLevelsByDrug[D][] {
  return config[drug];
}

/** The dose level `level` of `drug`, or null if the table has no such level. */
export function getDoseLevel<D extends Drug>(
  drug: D,
  level: number,
  config: DoseLevelConfig = DEFAULT_DOSE_LEVELS,
): DoseLevelsByDrug[D] | null {
  return listDoseLevels(drug, config).find((entry) => entry.level === level) ?? null;
}

const DRUG_NAMES: Record<Drug, string> = { uft: "UFT", thalidomide: "thalidomide" };

/**
 * The dose level `level` of `drug` in `levels` (default: DEFAULT_DOSE_LEVELS), for a calculator:
 * an unknown level throws CalcInputError("doseLevel") naming the levels the table has.
 */
export function doseLevelOrThrow<D extends Drug>(
  drug: D,
  level: number,
  levels: readonly DoseLevelsByDrug[D][] = DEFAULT_DOSE_LEVELS[drug],
): DoseLevelsByDrug[D] {
  const entry = levels.find((candidate) => candidate.level === level);
  if (!entry) {
    const known = levels.map((candidate) => candidate.level).join(", ");
    throw new CalcInputError(`doseLevel ${level} is not a ${DRUG_NAMES[drug]} dose level (${known})`, "doseLevel");
  }
  return entry;
}

/** Daily amount of a level: mg/m2/day for UFT, mg/day for thalidomide (used to check ordering). */
function dailyAmount(entry: UftDoseLevel | ThalidomideDoseLevel): number {
  return "mgPerM2" in entry ? entry.mgPerM2 * 2 : entry.mgPerDose * entry.dosesPerDay;
}

/**
 * Checks a custom dose-level table before use: each drug has a level 0, levels are unique
 * integers <= 0, doses are positive, and a lower level never gives more drug than a higher one
 * (a typo that turns a reduction into an escalation must not reach a patient).
 * Returns a list of problems; empty means valid.
 */
export function checkDoseLevelConfig(config: DoseLevelConfig): string[] {
  const problems: string[] = [];
  for (const drug of Object.keys(config) as Drug[]) {
    const entries: readonly (UftDoseLevel | ThalidomideDoseLevel)[] = config[drug];
    const seen = new Set<number>();
    for (const entry of entries) {
      if (!Number.isInteger(entry.level) || entry.level > 0)
        problems.push(`${drug}: level ${entry.level} must be an integer <= 0`);
      if (seen.has(entry.level)) problems.push(`${drug}: level ${entry.level} is defined twice`);
      seen.add(entry.level);
      const amounts = "mgPerM2" in entry ? [entry.mgPerM2] : [entry.mgPerDose, entry.dosesPerDay];
      if (amounts.some((amount) => !(amount > 0)))
        problems.push(`${drug}: level ${entry.level} must have a positive dose`);
    }
    if (!seen.has(0)) problems.push(`${drug}: level 0 (starting dose) is missing`);
    const byLevel = [...entries].sort((a, b) => b.level - a.level);
    for (let i = 1; i < byLevel.length; i++) {
      const higher = byLevel[i - 1];
      const lower = byLevel[i];
      if (higher && lower && dailyAmount(lower) > dailyAmount(higher)) {
        problems.push(`${drug}: level ${lower.level} gives more drug than level ${higher.level}`);
      }
    }
  }
  return problems;
}
