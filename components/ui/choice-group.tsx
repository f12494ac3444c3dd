import type { InputHTMLAttributes } from "react";

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
  const errorId = `${id}-error`;
  return (
    <fieldset
      className="radio-group"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      <div className="radio-options">
        {options.map((option) => (
          <label key={option.value}>
            <input type={type} value={option.value} {...input} id={`${id}-${option.value}`} /> {option.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
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
