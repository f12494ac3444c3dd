import {
  get,
  type FieldError,
  type FieldPath,
  type FieldValues,
  type RegisterOptions,
  type UseFormReturn,
} from "react-hook-form";

/**
 * A registered field's props for the kit's controls (TextField, SelectField, DateField, RadioGroup...):
 * react-hook-form's registration and the field's own error message, both found by the one name so
 * the error shown beside a field is always that field's.
 */
export function fieldProps<Values extends FieldValues, Context, Parsed, Name extends FieldPath<Values>>(
  form: UseFormReturn<Values, Context, Parsed>,
  name: Name,
  options?: RegisterOptions<Values, Name>,
) {
  const error = get(form.formState.errors, name) as FieldError | undefined;
  return { error: error?.message, ...form.register(name, options) };
}
