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

/** For selects and optional dates: "" (nothing chosen) is null, anything else as it is. */
export const nullIfEmpty = (value: unknown) => (value === "" || value === undefined ? null : value);

/** The options of a yes/no question, in the order the paper CRF prints them. */
export const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;
