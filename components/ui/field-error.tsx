/** The id of a control's error message, which its aria-describedby names. */
export const errorIdOf = (id: string) => `${id}-error`;

/**
 * The attributes that mark a control (or a group) invalid and tie it to its error message, so a
 * screen reader announces the error with the field.
 */
export function errorAttributes(id: string, error: string | undefined) {
  return { "aria-invalid": error ? true : undefined, "aria-describedby": error ? errorIdOf(id) : undefined };
}

/** A control's error message, announced when it appears; nothing when there is no error. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={errorIdOf(id)} className="field-error" role="alert">
      {error}
    </p>
  ) : null;
}
