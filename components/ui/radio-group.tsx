import type { InputHTMLAttributes } from "react";

interface RadioGroupProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  id: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  error?: string;
}

/** A fieldset of radios with a legend; the error is tied to the group for screen readers. */
export function RadioGroup({ id, legend, options, error, ...input }: RadioGroupProps) {
  const errorId = `${id}-error`;
  return (
    <fieldset className="radio-group" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      <div className="radio-options">
        {options.map((option) => (
          <label key={option.value}>
            <input type="radio" value={option.value} {...input} id={`${id}-${option.value}`} /> {option.label}
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
