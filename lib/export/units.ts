/**
 * Units of exported items, read from what the form definitions already say: the unit in a
 * label's parentheses ("Height (cm)") or the unit suffix the code base puts on field names
 * (heightCm, bsaM2, pfsMonths). Nothing here is a second, hand-written list of fields.
 */
const LABEL_UNITS = new Set([
  "cm",
  "kg",
  "mm",
  "years",
  "ng/mL",
  "capsules",
  "m2",
  "mg",
  "mg/dL",
  "g/dL",
  "days",
  "months",
  "%",
]);

// Longest suffix first: "MgPerDl" before "Dl"-less rules such as "Mg".
const NAME_SUFFIXES: readonly [RegExp, string][] = [
  [/(^mg|Mg)PerM2$/, "mg/m2"],
  [/MgPerDl$/, "mg/dL"],
  [/GPerDl$/, "g/dL"],
  [/NgPerMl$/, "ng/mL"],
  [/M2$/, "m2"],
  [/Mm$/, "mm"],
  [/Cm$/, "cm"],
  [/Kg$/, "kg"],
  [/(^mgPer|Mg$)/, "mg"],
  [/Days$/, "days"],
  [/Months$/, "months"],
  [/Years$/, "years"],
  [/(^pct|Pct$)/, "%"],
];

/** The unit of an item, from its label or else from its field name; null when it has none. */
export function findUnit(path: string, label: string | undefined): string | null {
  const inLabel = label?.match(/\(([^()]+)\)\s*$/)?.[1]?.trim();
  if (inLabel && LABEL_UNITS.has(inLabel)) return inLabel;
  const name = path.split(".").pop() ?? path;
  for (const [suffix, unit] of NAME_SUFFIXES) if (suffix.test(name)) return unit;
  return null;
}
