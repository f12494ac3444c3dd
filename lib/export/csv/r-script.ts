import type { ScriptColumn, ScriptFile } from "./script-plan";

/** An R string literal: ASCII only (non-ASCII as \u escapes), so the script reads the same in any locale. */
export function rString(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\" || ch === '"') out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code > 0x7e)
      out += code > 0xffff ? `\\U{${code.toString(16)}}` : `\\u{${code.toString(16)}}`;
    else out += ch;
  }
  return `"${out}"`;
}

const rVector = (values: readonly string[]) =>
  values.length ? `c(${values.map(rString).join(", ")})` : "character(0)";

const rColumn = (c: ScriptColumn) =>
  `      list(name = ${rString(c.name)}, type = ${rString(c.type)}, label = ${rString(c.label)}, units = ${c.unit ? rString(c.unit) : "NA"}, levels = ${rVector(c.levels)})`;

const READER = String.raw`
# A text cell that a spreadsheet would run as a formula was written with a leading apostrophe.
trialdesk_unguard <- function(x) sub("^'([-=+@\t\r])", "\\1", x)

trialdesk_convert <- function(x, column) {
  x <- switch(column$type,
    integer = as.integer(x),
    float = as.numeric(x),
    boolean = as.logical(x),
    date = as.Date(x, format = "%Y-%m-%d"),
    datetime = as.POSIXct(x, format = "%Y-%m-%dT%H:%M:%OS", tz = "UTC"),
    trialdesk_unguard(x))
  if (length(column$levels) > 0) {
    unknown <- setdiff(unique(x[!is.na(x)]), column$levels)
    if (length(unknown) > 0) warning(column$name, ": values outside the dictionary: ", paste(unknown, collapse = ", "))
    x <- factor(x, levels = column$levels)
  }
  attr(x, "label") <- column$label
  if (!is.na(column$units)) attr(x, "units") <- column$units
  x
}

trialdesk_read <- function(spec, dir) {
  data <- utils::read.csv(file.path(dir, spec$file), colClasses = "character", na.strings = "",
    check.names = FALSE, encoding = "UTF-8", stringsAsFactors = FALSE)
  expected <- vapply(spec$columns, function(column) column$name, "")
  if (!identical(names(data), expected)) stop(spec$file, ": the columns differ from the dictionary")
  for (column in spec$columns) data[[column$name]] <- trialdesk_convert(data[[column$name]], column)
  data
}

if (!exists("trialdesk_dir")) {
  trialdesk_args <- commandArgs(trailingOnly = TRUE)
  trialdesk_dir <- if (length(trialdesk_args) > 0) trialdesk_args[[1]] else "."
}
trialdesk <- lapply(trialdesk_files, trialdesk_read, dir = trialdesk_dir)
message("Read ", length(trialdesk), " data frames into the list 'trialdesk': ", paste(names(trialdesk), collapse = ", "))
`;

/**
 * read_trialdesk.R: reads every CSV file of the export into a named list of data frames
 * (base R only), each column typed, with "label" and "units" attributes and allowed values
 * as factors in the dictionary's order (REDCap ships the same kind of script with its exports).
 */
export function rScript(files: readonly ScriptFile[], header: readonly string[]): string {
  const specs = files.map(
    (f) =>
      `  ${rString(f.name)} = list(file = ${rString(f.file)}, columns = list(\n${f.columns.map(rColumn).join(",\n")}\n  ))`,
  );
  return [
    ...header.map((line) => `# ${line}`),
    '# In R, with the unzipped export as the working directory: source("read_trialdesk.R")',
    "# (or set trialdesk_dir first), or from a shell: Rscript read_trialdesk.R <folder>.",
    "# Result: the list `trialdesk`, e.g. trialdesk$baseline, trialdesk$`tumour-baseline.targetLesions`.",
    '# Column attributes: "label" and "units"; allowed values are factors. Base R only.',
    "",
    "trialdesk_files <- list(",
    specs.join(",\n"),
    ")",
    READER,
  ].join("\n");
}
