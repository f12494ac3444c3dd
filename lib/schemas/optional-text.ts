import { z } from "zod";

/** A free-text answer that may be left empty: trimmed, at most `maxLength` characters, stored as null when blank. */
export function optionalText(maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength, `At most ${maxLength} characters`)
    .nullable()
    .transform((text) => text || null);
}
