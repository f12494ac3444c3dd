import type { InputHTMLAttributes } from "react";
import { DATE_FORMAT_HINT, DATE_TIME_FORMAT_HINT } from "@/lib/format-date";
import { TextField } from "./text-field";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { id: string; label: string; error?: string; note?: string };

/**
 * A date typed as yyyy-mm-dd. Not `type="date"`: the browser shows that control in its own
 * locale (mm/dd/yyyy in one, dd/mm/yyyy in another), which is what makes clinical dates
 * ambiguous. The range (not in the future, not before consent...) is checked by the form's
 * shared schema, so min/max are not passed to the text input.
 */
export function DateField({ note, min: _min, max: _max, ...props }: Props) {
  return (
    <TextField
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={DATE_FORMAT_HINT}
      pattern="\d{4}-\d{2}-\d{2}"
      maxLength={10}
      unit={note ? `${DATE_FORMAT_HINT}, ${note}` : DATE_FORMAT_HINT}
      {...props}
    />
  );
}

/** A site-local date and time typed as yyyy-mm-dd hh:mm (24-hour). */
export function DateTimeField({ note, min: _min, max: _max, ...props }: Props) {
  return (
    <TextField
      type="text"
      autoComplete="off"
      placeholder={DATE_TIME_FORMAT_HINT}
      maxLength={16}
      unit={note ? `${DATE_TIME_FORMAT_HINT}, 24-hour, ${note}` : `${DATE_TIME_FORMAT_HINT}, 24-hour`}
      {...props}
    />
  );
}
