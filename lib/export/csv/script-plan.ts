import type { ItemType } from "../form-layout";
import type { CsvFile } from "./csv-plan";

/** One column as the R, SAS and Stata readers convert it. */
export interface ScriptColumn {
  /** The column's name in the CSV header. */
  name: string;
  /** The statistics package's name for it (a valid, unique variable name; R keeps `name`). */
  variable: string;
  type: ItemType;
  label: string;
  unit: string | null;
  /** Allowed values of a single-coded text column, in the dictionary's order: a factor / value labels (codes 1..n). */
  levels: readonly string[];
}

export interface ScriptFile {
  /** e.g. "tumour-baseline.targetLesions.csv" */
  file: string;
  /** The file name without ".csv" (R's list name). */
  name: string;
  /** A valid, unique data set name for SAS and Stata. */
  dataset: string;
  columns: ScriptColumn[];
}

const ITEM_TYPES: readonly string[] = ["text", "integer", "float", "date", "datetime", "boolean"];

/**
 * A valid SAS (VALIDVARNAME=V7) and Stata name: letters, digits and underscores, not starting
 * with a digit, at most 32 characters, unique (case-insensitively, as SAS compares) among
 * `taken`. Dots of dotted paths become underscores: "computed.bsaM2" -> "computed_bsaM2".
 */
export function statName(raw: string, taken: Set<string>): string {
  let base = raw.replace(/[^A-Za-z0-9_]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  base = base.slice(0, 32);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 32 - String(n).length - 1)}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * What the statistician scripts need of each CSV file, from the same plan that writes the
 * files and dictionary.csv: a computed list ("list (JSON ...)") and any other type outside
 * the item types is read as text; only single-coded text columns get value labels.
 */
export function planScripts(files: readonly CsvFile[]): ScriptFile[] {
  const datasets = new Set<string>();
  return files.map((file) => {
    const variables = new Set<string>();
    const name = file.name.replace(/\.csv$/, "");
    return {
      file: file.name,
      name,
      dataset: statName(name, datasets),
      columns: file.columns.map((c) => {
        const type = (ITEM_TYPES.includes(c.type) ? c.type : "text") as ItemType;
        return {
          name: c.name,
          variable: statName(c.name, variables),
          type,
          label: c.label,
          unit: c.unit,
          levels: type === "text" && !c.multiple ? c.allowedValues : [],
        };
      }),
    };
  });
}
