/** Every plasma cytokine is analysed in pg/mL, the unit the trial's immunoassays report (Shao et al. 2012). */
export const CANONICAL_CYTOKINE_UNIT = "pg/mL";

/**
 * Mass-concentration factors to pg/mL: 1 ng = 1000 pg, and 1 ng/L = 1 ng per 1000 mL = 1 pg/mL
 * (SI prefixes, BIPM SI Brochure 9th ed., table 7). A unit not listed is refused, never guessed.
 */
const TO_PG_PER_ML: Readonly<Record<string, number>> = {
  "pg/mL": 1,
  "ng/L": 1,
  "ng/mL": 1000,
};

export function isCytokineUnit(unit: string): boolean {
  return unit in TO_PG_PER_ML;
}

/** A concentration as typed, in pg/mL (exact for the listed units: the factors are powers of ten). */
export function toPgPerMl(value: number, unit: string): number {
  const factor = TO_PG_PER_ML[unit];
  if (factor === undefined) throw new Error(`Unknown cytokine unit "${unit}"`);
  // Scale in decimal to keep 0.42 ng/mL = 420 pg/mL exact (0.42 * 1000 is 420.00000000000006 in binary).
  return factor === 1 ? value : Number((value * factor).toPrecision(15));
}

/** "<5", "< 5", "≤5": a below-limit result typed as a value, with the limit it names. */
export function parseBelowLimit(text: string): number | null {
  const match = /^\s*[<≤]\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  return match ? Number(match[1]) : null;
}
