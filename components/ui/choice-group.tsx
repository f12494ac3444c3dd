import type { InputHTMLAttributes } from "react";
import { errorAttributes, FieldError } from "./field-error";

interface ChoiceGroupProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  id: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  error?: string;
}

/** A fieldset of radios or checkboxes with a legend; the error is tied to the group for screen readers. */
function ChoiceGroup({
  id,
  legend,
  options,
  error,
  type,
  ...input
}: ChoiceGroupProps & { type: "radio" | "checkbox" }) {
  return (
    <fieldset className="radio-group" {...errorAttributes(id, error)}>
      <legend>{legend}</legend>
      <div className="radio-options">
        {options.map((option) => (
          <label key={option.value}>
            <input type={type} value={option.value} {...input} id={`${id}-${option.value}`} /> {option.label}
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** Exactly one of the options. */
export function RadioGroup(props: ChoiceGroupProps) {
  return <ChoiceGroup {...props} type="radio" />;
}

/** Any number of the options. */
export function CheckboxGroup(props: ChoiceGroupProps) {
  return <ChoiceGroup {...props} type="checkbox" />;
}
