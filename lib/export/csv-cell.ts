/**
 * CSV formula injection guard (OWASP "CSV Injection"): a spreadsheet runs a text cell that
 * starts with = + - @ (or a tab or carriage return, which some programs strip before doing
 * so) as a formula. Such text cells get a leading apostrophe, which spreadsheets show as
 * text and which a reader of the raw CSV can strip. Numbers are written as numbers and are
 * never prefixed, so -3.5 stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One exported value as CSV cell text: empty for null/undefined, numbers and booleans as
 * written by JavaScript, lists of plain values joined with "; ", anything else (lists of
 * objects in computed values) as JSON. Text is guarded against formula injection.
 */
export function toCsvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return neutralizeFormula(value);
  if (Array.isArray(value) && value.every((v) => v === null || ["string", "number", "boolean"].includes(typeof v))) {
    return neutralizeFormula(value.map((v) => (v === null ? "" : String(v))).join("; "));
  }
  return neutralizeFormula(JSON.stringify(value));
}
