import { convertLabValue } from "./convert-lab-value";
import type { LabTest } from "./lab-criteria";

/**
 * A site laboratory's normal range for one test, as the administrator recorded it. CTCAE v5.0
 * grades laboratory values against the institution's own LLN and ULN ("ULN: upper limit of
 * normal" of the performing laboratory), so each site keeps its ranges, dated: a new analyser
 * or reagent lot changes them, and a sample is judged by the range in force on its day.
 */
export interface SiteReferenceRange {
  test: LabTest;
  unit: string;
  /** null: the range applies to both sexes; a sex-specific range is preferred when the patient's sex is known. */
  sex: "female" | "male" | null;
  lln: number | null;
  uln: number | null;
  /** yyyy-mm-dd: the first sample day the range applies to. */
  validFrom: string;
}

/**
 * The range in force for `test` on `sampleDate`: the latest one that started on or before the
 * day, sex-specific over sex-neutral when the sex is known. With an unknown sex only a
 * sex-neutral range applies: guessing the sex would grade against the wrong limits.
 */
export function rangeInForce(
  ranges: readonly SiteReferenceRange[],
  test: LabTest,
  sampleDate: string,
  sex: "female" | "male" | null,
): SiteReferenceRange | null {
  const candidates = ranges.filter(
    (r) => r.test === test && r.validFrom <= sampleDate && (r.sex === null || r.sex === sex),
  );
  const latest = (list: SiteReferenceRange[]) =>
    list.reduce<SiteReferenceRange | null>((best, r) => (!best || r.validFrom > best.validFrom ? r : best), null);
  return latest(candidates.filter((r) => r.sex !== null)) ?? latest(candidates);
}

const significant = (value: number) => Number(value.toPrecision(4));

/** The range's limits in another accepted unit (the form may record the value in either), to 4 significant digits. */
export function rangeLimitsIn(range: SiteReferenceRange, unit: string): { lln: number | null; uln: number | null } {
  const convert = (value: number | null) =>
    value === null ? null : significant(convertLabValue(range.test, value, range.unit, unit));
  return { lln: convert(range.lln), uln: convert(range.uln) };
}

/**
 * Which typed limits differ from the site's range (converted into the typed unit). A
 * tolerance of 0.5 % absorbs the rounding of a unit conversion; anything more is a different
 * range and needs the reason the form asks for.
 */
export function limitsDifferingFromRange(
  typed: { unit: string; lln: number | null; uln: number | null },
  range: SiteReferenceRange,
): ("lln" | "uln")[] {
  const expected = rangeLimitsIn(range, typed.unit);
  const differs = (a: number | null, b: number | null) => {
    if (b === null) return false; // the site's range does not define this limit: whatever is typed is the only source
    if (a === null) return true;
    return Math.abs(a - b) > 0.005 * Math.max(Math.abs(b), 1e-9);
  };
  return (["lln", "uln"] as const).filter((limit) => differs(typed[limit], expected[limit]));
}
