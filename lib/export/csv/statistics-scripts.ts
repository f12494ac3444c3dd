import type { CsvFile } from "./csv-plan";
import { rScript } from "./r-script";
import { sasScript } from "./sas-script";
import { planScripts } from "./script-plan";
import { stataScript } from "./stata-script";

export interface ScriptEntry {
  name: string;
  text: string;
}

/**
 * The R, SAS and Stata scripts that read every CSV file of the export with types, labels,
 * units and value labels, generated from the same plan as the files and dictionary.csv
 * (REDCap ships such scripts with its exports).
 */
export function statisticsScripts(files: readonly CsvFile[], exportName: string): ScriptEntry[] {
  const plan = planScripts(files);
  const header = [
    `Reads the CSV files of the Trialdesk export ${exportName}.`,
    "Generated with the export from the same dictionary as dictionary.csv: do not edit by hand.",
  ];
  return [
    { name: "read_trialdesk.R", text: rScript(plan, header) },
    { name: "read_trialdesk.sas", text: sasScript(plan, header) },
    { name: "read_trialdesk.do", text: stataScript(plan, header) },
  ];
}
