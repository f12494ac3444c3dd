/**
 * Converters from what an <input> or <select> holds to what the form schemas expect: an
 * empty field is null (not answered), never 0 or "".
 */
export function toNumberOrNull(value: unknown): number | null {
  if (value === "" || value === null || value === undefined) return null;
  return typeof value === "number" ? value : Number(value);
}

export function toTextOrNull(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/** For date inputs, selects and radios: the string chosen, or null. */
export const toChoiceOrNull = toTextOrNull;
