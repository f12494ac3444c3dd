import { describe, expect, test } from "vitest";
import { getFormDefinition } from "@/lib/forms/registry";
import { buildFormLayout } from "../form-layout";
import { planCsvFiles } from "./csv-plan";
import { rString } from "./r-script";
import { sasString } from "./sas-script";
import { planScripts, statName } from "./script-plan";
import { stataString } from "./stata-script";
import { statisticsScripts } from "./statistics-scripts";

const files = planCsvFiles(
  ["baseline", "labs", "tumour-baseline", "adverse-event"].map((type) => buildFormLayout(getFormDefinition(type)!)),
  new Map([
    [
      "baseline",
      [
        { path: "bsaM2", jsonType: "number" },
        { path: "notes", jsonType: "array" },
      ],
    ],
  ]),
);
const scripts = Object.fromEntries(statisticsScripts(files, "HCC_csv_2026-12-07.zip").map((s) => [s.name, s.text]));
const r = scripts["read_trialdesk.R"]!;
const sas = scripts["read_trialdesk.sas"]!;
const stata = scripts["read_trialdesk.do"]!;

describe("names for SAS and Stata", () => {
  test("dots become underscores, at most 32 characters, never a leading digit, unique case-insensitively", () => {
    const taken = new Set<string>();
    expect(statName("computed.bsaM2", taken)).toBe("computed_bsaM2");
    expect(statName("results.neutrophils.implausibleReason", taken)).toBe("results_neutrophils_implausibleR");
    expect(statName("results.neutrophils.implausibleReasonB", taken)).toBe("results_neutrophils_implausibl_2");
    expect(statName("1st", taken)).toBe("_1st");
    expect(statName("COMPUTED.BSAM2", taken)).toBe("COMPUTED_BSAM2_2");
  });

  test("every variable of every file is a valid, unique name; only single-coded text gets levels", () => {
    for (const file of planScripts(files)) {
      const names = file.columns.map((c) => c.variable.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[a-z_][a-z0-9_]{0,31}$/);
    }
    const baseline = planScripts(files).find((f) => f.file === "baseline.csv")!;
    expect(baseline.columns.find((c) => c.name === "sex")).toMatchObject({ type: "text", levels: ["female", "male"] });
    expect(baseline.columns.find((c) => c.name === "extrahepaticSites")!.levels).toEqual([]);
    expect(baseline.columns.find((c) => c.name === "computed.notes")).toMatchObject({
      type: "text",
      variable: "computed_notes",
    });
    expect(planScripts(files).map((f) => f.dataset)).toEqual([
      "patients",
      "baseline",
      "labs",
      "tumour_baseline",
      "tumour_baseline_targetLesions",
      "tumour_baseline_nonTargetLesions",
      "adverse_event",
    ]);
  });
});

describe("string literals", () => {
  test("quotes, backslashes and non-ASCII are escaped for each language", () => {
    expect(rString('Segment "dome" \\ 5 µg')).toBe('"Segment \\"dome\\" \\\\ 5 \\u{b5}g"');
    expect(sasString("Patient's & 100% sure")).toBe("'Patient''s & 100% sure'");
    expect(stataString('He said "no"\nthen left')).toBe('`"He said "no" then left"\'');
  });
});

describe("the R script", () => {
  test("lists every file and column with type, label, units and levels from the dictionary", () => {
    expect(r).toContain("# Reads the CSV files of the Trialdesk export HCC_csv_2026-12-07.zip.");
    expect(r).toContain('"baseline" = list(file = "baseline.csv", columns = list(');
    expect(r).toContain(
      'list(name = "heightCm", type = "float", label = "Height (cm)", units = "cm", levels = character(0))',
    );
    expect(r).toContain('list(name = "sex", type = "text", label = "Sex", units = NA, levels = c("female", "male"))');
    expect(r).toContain('"tumour-baseline.targetLesions" = list(file = "tumour-baseline.targetLesions.csv"');
    for (const file of files) expect(r).toContain(`file = "${file.name}"`);
    expect(r).toContain("trialdesk <- lapply(trialdesk_files, trialdesk_read, dir = trialdesk_dir)");
  });
});

describe("the SAS script", () => {
  test("one DATA step per file with typed conversions, labels, value-label formats and units as extended attributes", () => {
    expect(sas).toContain("/* Reads the CSV files of the Trialdesk export HCC_csv_2026-12-07.zip. */");
    expect(sas).toContain("%let trialdesk_dir = .;");
    expect(sas).toContain("  value td_bool 1 = 'true' 0 = 'false';");
    const sexFormat = /value (td\d+f) 1 = 'female' 2 = 'male';/.exec(sas)?.[1];
    expect(sexFormat).toBeDefined();
    const baseline = sas.slice(sas.indexOf("data work.baseline;"), sas.indexOf("data work.labs;"));
    expect(baseline).toContain(
      `  infile "&trialdesk_dir./baseline.csv" dsd firstobs=2 truncover lrecl=10000000 encoding='utf-8';`,
    );
    const width = files.find((f) => f.name === "baseline.csv")!.columns.length;
    expect(baseline).toContain(`  input (_td1-_td${width}) ($);`);
    expect(baseline).toMatch(/ heightCm = input\(_td\d+, \?\? best32\.\);\n {2}label heightCm = 'Height \(cm\)';/);
    expect(baseline).toMatch(
      / sex = whichc\(_td\d+, 'female', 'male'\);\n {2}if sex = 0 then sex = \.;\n {2}format sex (td\d+f)\.;/,
    );
    expect(baseline).toContain(`format sex ${sexFormat}.;`);
    expect(baseline).toMatch(
      / assessmentDate = input\(_td\d+, \?\? yymmdd10\.\);\n {2}format assessmentDate yymmdd10\.;/,
    );
    expect(baseline).toMatch(/ updated_at = input\(substr\(_td9, 1, 19\), \?\? e8601dt19\.\);/);
    expect(baseline).toContain("  xattr add var heightCm (unit='cm');");
    expect(baseline).toMatch(/keep subject_id site_code record_id .* computed_bsaM2 computed_notes;/);
    // Exactly one DATA step per CSV file, each closed.
    expect(sas.match(/^data work\./gm)).toHaveLength(files.length);
  });
});

describe("the Stata script", () => {
  test("imports every file as text, converts, labels, encodes allowed values, stores units and saves a .dta", () => {
    expect(stata).toContain("* Reads the CSV files of the Trialdesk export HCC_csv_2026-12-07.zip.");
    expect(stata).toContain('label define td_bool 0 "false" 1 "true", replace');
    const baseline = stata.slice(stata.indexOf("* baseline.csv"), stata.indexOf("* labs.csv"));
    expect(baseline).toContain(
      'import delimited using `"`dir\'/baseline.csv"\', varnames(nonames) stringcols(_all) bindquotes(strict) encoding("utf-8") clear\ndrop in 1',
    );
    const sex = files.find((f) => f.name === "baseline.csv")!.columns.findIndex((c) => c.name === "sex") + 1;
    expect(baseline).toContain(
      `label define sex 1 \`"female"' 2 \`"male"', replace\nencode v${sex}, generate(_td) label(sex) noextend\ndrop v${sex}\nrename _td sex\nlabel variable sex \`"Sex"'`,
    );
    expect(baseline).toMatch(
      /destring v\d+, generate\(_td\)\ndrop v\d+\nrename _td heightCm\nlabel variable heightCm `"Height \(cm\)"'\nchar heightCm\[units\] `"cm"'/,
    );
    expect(baseline).toMatch(
      /generate int _td = date\(v\d+, "YMD"\)\nformat _td %td\ndrop v\d+\nrename _td assessmentDate/,
    );
    expect(baseline).toContain("save `\"`dir'/baseline.dta\"', replace");
    // Stata keeps 80 characters of a label: longer ones are cut, never refused.
    for (const line of stata.split("\n").filter((l) => l.startsWith("label variable")))
      expect(line.length).toBeLessThan(32 + 80 + 24);
    expect(stata.match(/^import delimited/gm)).toHaveLength(files.length);
  });
});
