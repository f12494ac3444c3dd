import type { ReactNode, SelectHTMLAttributes } from "react";
import { errorAttributes, FieldError } from "./field-error";

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  id: string;
  label: string;
  error?: string;
  children: ReactNode;
}

/** A labelled select whose error is announced by screen readers (aria-describedby). */
export function SelectField({ id, label, error, children, ...select }: SelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...errorAttributes(id, error)} {...select}>
        {children}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}
