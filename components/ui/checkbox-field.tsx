import type { InputHTMLAttributes } from "react";
import { errorAttributes, FieldError } from "./field-error";

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  id: string;
  label: string;
  error?: string;
}

/** One labelled checkbox; its error is tied to it for screen readers. */
export function CheckboxField({ id, label, error, ...input }: CheckboxFieldProps) {
  return (
    <div className="field checkbox-field">
      <label htmlFor={id}>
        <input type="checkbox" id={id} {...errorAttributes(id, error)} {...input} /> {label}
      </label>
      <FieldError id={id} error={error} />
    </div>
  );
}
