import type { InputHTMLAttributes, Ref } from "react";
import { errorAttributes, FieldError } from "./field-error";

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: string;
  error?: string;
  /** Shown beside the input, e.g. "cm" or "x10^9/L". */
  unit?: string;
  /** React 19 passes ref as a prop: react-hook-form's register() reaches the input through it. */
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose error is announced by screen readers (aria-describedby). */
export function TextField({ id, label, error, unit, ...input }: TextFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {unit ? <span className="muted"> ({unit})</span> : null}
      </label>
      <input id={id} {...errorAttributes(id, error)} {...input} />
      <FieldError id={id} error={error} />
    </div>
  );
}
