import type { InputHTMLAttributes } from "react";

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  id: string;
  label: string;
}

/** A checkbox with its label beside it (clicking the label toggles it). */
export function CheckboxField({ id, label, ...input }: CheckboxFieldProps) {
  return (
    <div className="checkbox-field">
      <input type="checkbox" id={id} {...input} /> <label htmlFor={id}>{label}</label>
    </div>
  );
}
