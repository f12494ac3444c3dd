import type { z } from "zod";

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schema under wrappers that do not change the shape (refinements, pipes, defaults). */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = defOf(current);
    if (def.type === "pipe" && def.in) current = def.in;
    else if (
      (def.type === "optional" || def.type === "nullable" || def.type === "default" || def.type === "prefault") &&
      def.innerType
    )
      current = def.innerType;
    else return current;
  }
  return current;
}

/**
 * A form's data with every omitted key whose field accepts null set to null, at any depth.
 * The web form always sends every field (empty ones as null); a script should not have to, so
 * "leave out ethnicity" means the same as "ethnicity: null" instead of "expected string,
 * received undefined". A required field stays missing and is refused by the form's schema.
 * emptyText (imports): a file's empty cell is also the empty text a text field stores, and an
 * object whose items were all empty.
 */
export function fillOmittedNullables(
  schema: z.ZodType,
  value: unknown,
  options: { emptyText?: boolean } = {},
): unknown {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === "array" && def.element && Array.isArray(value))
    return value.map((item) => fillOmittedNullables(def.element!, item, options));
  if (def.type !== "object" || !def.shape || typeof value !== "object" || value === null || Array.isArray(value))
    return value;
  const filled: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, field] of Object.entries(def.shape)) {
    if (filled[key] === undefined) {
      if (key in filled) continue;
      // An optional field (or one with a default) may stay out, as the forms store it: filling it would read as a change.
      if (field.safeParse(undefined).success) continue;
      if (field.safeParse(null).success) filled[key] = null;
      else if (options.emptyText && field.safeParse("").success) filled[key] = "";
      else if (options.emptyText && field.safeParse([]).success) filled[key] = [];
      else if (options.emptyText && defOf(unwrap(field)).type === "object")
        filled[key] = fillOmittedNullables(field, {}, options);
    } else {
      filled[key] = fillOmittedNullables(field, filled[key], options);
    }
  }
  return filled;
}
