import type { InputHTMLAttributes } from "react";

interface CheckboxGroupProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  id: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  error?: string;
}

/** A fieldset of checkboxes (any number may be ticked) with a legend; the error is tied to the group. */
export function CheckboxGroup({ id, legend, options, error, ...input }: CheckboxGroupProps) {
  const errorId = `${id}-error`;
  return (
    <fieldset className="radio-group" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      <div className="radio-options">
        {options.map((option) => (
          <label key={option.value}>
            <input type="checkbox" value={option.value} {...input} id={`${id}-${option.value}`} /> {option.label}
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
