import { LAB_TESTS } from "@/lib/domain/ctcae/lab-criteria";
import {
  limitsDifferingFromRange,
  rangeInForce,
  rangeLimitsIn,
  type SiteReferenceRange,
} from "@/lib/domain/ctcae/site-reference-range";
import type { LabRangeContext } from "@/lib/forms/form-definition";
import { LAB_PANEL } from "./lab-panel";
import type { LabsData } from "./labs-schema";

/** A range for a message: "150–400 x10^9/L", "≤ 40 U/L". */
export function describeRange(range: SiteReferenceRange, unit: string = range.unit): string {
  const { lln, uln } = rangeLimitsIn(range, unit);
  if (lln !== null && uln !== null) return `${lln}–${uln} ${unit}`;
  return lln !== null ? `≥ ${lln} ${unit}` : `≤ ${uln} ${unit}`;
}

/**
 * Limits on the form that differ from the site's range in force on the sample day need a
 * reason (issue 13: CTCAE grades against the site laboratory's LLN/ULN, so a changed limit
 * changes the grade). Without a range on file the typed limits are the only source: no check.
 */
export function checkAgainstSiteRanges(
  data: LabsData,
  labRanges: LabRangeContext | undefined,
): Record<string, string[]> {
  if (!labRanges) return {};
  const errors: Record<string, string[]> = {};
  for (const test of LAB_TESTS) {
    const row = data.results[test];
    if (row.value === null) continue;
    const range = rangeInForce(labRanges.ranges, test, data.sampleDate, labRanges.sex);
    if (!range) continue;
    const differing = limitsDifferingFromRange(row, range);
    if (!differing.length || (row.rangeReason ?? "").trim().length >= 3) continue;
    const label = LAB_PANEL.find((p) => p.test === test)?.label ?? test;
    errors[`results.${test}.rangeReason`] = [
      `${label}: the ${differing.map((l) => l.toUpperCase()).join(" and ")} differ${differing.length > 1 ? "" : "s"} from ${labRanges.siteCode}'s range in force on ${data.sampleDate} (${describeRange(range, row.unit)}): give the reason`,
    ];
  }
  return errors;
}
