import type { ReactNode } from "react";

type OptionsProps<T extends string> =
  { options: readonly { value: T; label: string }[] } | { values: readonly T[]; label?: (value: T) => ReactNode };

/**
 * A select's choices: either a list of { value, label } (the same lists radio groups take) or a
 * list of values, each shown as itself or by `label`.
 */
export function Options<T extends string>(props: OptionsProps<T>) {
  const choices =
    "options" in props
      ? props.options
      : props.values.map((value) => ({ value, label: props.label ? props.label(value) : value }));
  return choices.map((choice) => (
    <option key={choice.value} value={choice.value}>
      {choice.label}
    </option>
  ));
}
