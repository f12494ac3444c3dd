import type { ScriptColumn, ScriptFile } from "./script-plan";

/** A SAS string literal in single quotes (no macro resolution of & or %), quotes doubled. */
export const sasString = (text: string) => `'${text.replace(/'/g, "''").replace(/[\r\n]+/g, " ")}'`;

/** Longest text SAS keeps per cell; longer free text is truncated (option COMPRESS keeps the data sets small). */
const TEXT_LENGTH = 2000;

/** The format of a column's value labels: the number (codes 1..n) and, for the file, the PROC FORMAT lines. */
function formatName(index: number) {
  return `td${index}f`;
}

function convert(c: ScriptColumn, raw: string, format: string | null): string[] {
  const v = c.variable;
  switch (c.type) {
    case "integer":
    case "float":
      return [`${v} = input(${raw}, ?? best32.);`];
    case "date":
      return [`${v} = input(${raw}, ?? yymmdd10.);`, `format ${v} yymmdd10.;`];
    case "datetime":
      return [`${v} = input(substr(${raw}, 1, 19), ?? e8601dt19.);`, `format ${v} e8601dt19.;`];
    case "boolean":
      return [`${v} = ifn(${raw} = 'true', 1, ifn(${raw} = 'false', 0, .));`, `format ${v} td_bool.;`];
    default:
      if (format)
        return [
          `${v} = whichc(${raw}, ${c.levels.map(sasString).join(", ")});`,
          `if ${v} = 0 then ${v} = .;`,
          `format ${v} ${format}.;`,
        ];
      return [
        `length ${v} $${TEXT_LENGTH};`,
        `${v} = ${raw};`,
        `if prxmatch('/^''[-=+@\\t\\r]/', ${v}) then ${v} = substr(${v}, 2);`,
      ];
  }
}

/**
 * read_trialdesk.sas: one DATA step per CSV file into WORK, every column typed (dates and
 * datetimes as SAS values with formats, booleans and allowed values as numeric codes with
 * value labels from PROC FORMAT), labelled, and units as extended attributes ("unit").
 */
export function sasScript(files: readonly ScriptFile[], header: readonly string[]): string {
  const formats: string[] = ["  value td_bool 1 = 'true' 0 = 'false';"];
  const steps: string[] = [];
  for (const file of files) {
    const n = file.columns.length;
    const body: string[] = [];
    for (const [index, c] of file.columns.entries()) {
      let format: string | null = null;
      if (c.levels.length) {
        format = formatName(formats.length);
        formats.push(`  value ${format} ${c.levels.map((level, i) => `${i + 1} = ${sasString(level)}`).join(" ")};`);
      }
      body.push(...convert(c, `_td${index + 1}`, format).map((line) => `  ${line}`));
      body.push(`  label ${c.variable} = ${sasString(c.label)};`);
    }
    const units = file.columns.filter((c) => c.unit);
    steps.push(
      `/* ${file.file} */`,
      `data work.${file.dataset};`,
      `  infile "&trialdesk_dir./${file.file}" dsd firstobs=2 truncover lrecl=10000000 encoding='utf-8';`,
      `  length _td1-_td${n} $${TEXT_LENGTH};`,
      `  input (_td1-_td${n}) ($);`,
      ...body,
      `  keep ${file.columns.map((c) => c.variable).join(" ")};`,
      "run;",
      ...(units.length
        ? [
            "proc datasets library=work nolist;",
            `  modify ${file.dataset};`,
            ...units.map((c) => `  xattr add var ${c.variable} (unit=${sasString(c.unit!)});`),
            "quit;",
          ]
        : []),
      "",
    );
  }
  return [
    ...header.map((line) => `/* ${line.replace(/\*\//g, "* /")} */`),
    "/* Set trialdesk_dir to the folder of the unzipped export, then submit. Data sets go to WORK. */",
    "%let trialdesk_dir = .;",
    "options validvarname=v7 compress=yes;",
    "",
    "proc format;",
    ...formats,
    "run;",
    "",
    ...steps,
  ].join("\n");
}
