import type { ScriptColumn, ScriptFile } from "./script-plan";

/** A Stata compound-quoted string `"..."' (any quote inside is safe); line breaks become spaces. */
export const stataString = (text: string) => `\`"${text.replace(/[\r\n]+/g, " ").replace(/`/g, "'")}"'`;

/** Stata keeps at most 80 characters of a variable label. */
const LABEL_LENGTH = 80;

function convert(c: ScriptColumn, raw: string): string[] {
  const v = c.variable;
  const into = (generate: string, after: string[]) => [generate, ...after, `drop ${raw}`, `rename _td ${v}`];
  switch (c.type) {
    case "integer":
    case "float":
      return [`destring ${raw}, generate(_td)`, `drop ${raw}`, `rename _td ${v}`];
    case "date":
      return into(`generate int _td = date(${raw}, "YMD")`, ["format _td %td"]);
    case "datetime":
      return into(`generate double _td = clock(substr(${raw}, 1, 10) + " " + substr(${raw}, 12, 12), "YMDhms")`, [
        "format _td %tc",
      ]);
    case "boolean":
      return into(`generate byte _td = cond(${raw} == "true", 1, cond(${raw} == "false", 0, .))`, [
        "label values _td td_bool",
      ]);
    default:
      if (c.levels.length)
        return [
          `label define ${v} ${c.levels.map((level, i) => `${i + 1} ${stataString(level)}`).join(" ")}, replace`,
          `encode ${raw}, generate(_td) label(${v}) noextend`,
          `drop ${raw}`,
          `rename _td ${v}`,
        ];
      return [`replace ${raw} = usubstr(${raw}, 2, .) if ustrregexm(${raw}, "^'[-=+@\\t\\r]")`, `rename ${raw} ${v}`];
  }
}

/**
 * read_trialdesk.do: imports every CSV file (all columns as text, header row dropped, so the
 * names never depend on Stata's renaming), converts each column to its type (dates %td,
 * datetimes %tc, booleans and allowed values as numeric codes with value labels), labels it,
 * stores its unit as the characteristic [units] and saves <file>.dta beside the CSV.
 */
export function stataScript(files: readonly ScriptFile[], header: readonly string[]): string {
  const steps: string[] = [];
  for (const file of files) {
    const lines: string[] = [];
    for (const [index, c] of file.columns.entries()) {
      lines.push(...convert(c, `v${index + 1}`));
      lines.push(`label variable ${c.variable} ${stataString(c.label.slice(0, LABEL_LENGTH))}`);
      if (c.unit) lines.push(`char ${c.variable}[units] ${stataString(c.unit)}`);
    }
    steps.push(
      `* ${file.file}`,
      `import delimited using \`"\`dir'/${file.file}"', varnames(nonames) stringcols(_all) bindquotes(strict) encoding("utf-8") clear`,
      "drop in 1",
      ...lines,
      `order ${file.columns.map((c) => c.variable).join(" ")}`,
      `label data ${stataString(file.file)}`,
      "compress",
      `save \`"\`dir'/${file.dataset}.dta"', replace`,
      "",
    );
  }
  return [
    ...header.map((line) => `* ${line}`),
    "* From the unzipped export's folder: do read_trialdesk.do   (or: do read_trialdesk.do <folder>)",
    "* Writes one .dta per CSV file beside it. Stata 16 or later.",
    "version 16",
    "args dir",
    'if `"`dir\'"\' == "" local dir "."',
    'label define td_bool 0 "false" 1 "true", replace',
    "",
    ...steps,
  ].join("\n");
}
