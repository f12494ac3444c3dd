"use client";

import {
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type FocusEvent,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type Ref,
} from "react";
import { localIsoDate, normalizeDateInput } from "@/lib/dates/normalize-date-input";
import { DATE_FORMAT_HINT, DATE_TIME_FORMAT_HINT } from "@/lib/format-date";
import { CalendarPopover } from "./calendar-popover";
import { TextField } from "./text-field";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  id: string;
  label: string;
  error?: string;
  note?: string;
  ref?: Ref<HTMLInputElement>;
};

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === "function") ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/**
 * The one date input: the same in every browser locale. Not `type="date"`: the browser shows
 * that control in its own locale (mm/dd/yyyy in one, dd/mm/yyyy in another), which is what
 * makes clinical dates ambiguous. It accepts yyyy-mm-dd and the basic form yyyymmdd (also
 * 2026-2-5) and rewrites them as yyyy-mm-dd when the field is left or Enter is pressed, and
 * offers a calendar with "Today". The value reaches react-hook-form through the same onChange
 * it registered, so validation stays on submit (no re-render on blur). The range (not in the
 * future, not before consent...) is checked by the form's shared schema, so min/max are not
 * passed to the text input.
 */
export function DateField({ note, min: _min, max: _max, ref, onBlur, onChange, onKeyDown, ...props }: Props) {
  const input = useRef<HTMLInputElement | null>(null);
  // What the calendar opens on: the field's date (if it is one) and today, read when it opens.
  const [open, setOpen] = useState<{ value: string; today: string } | null>(null);
  const popoverId = useId();

  const setValue = (value: string) => {
    const element = input.current;
    if (!element || element.value === value) return;
    element.value = value;
    onChange?.({ target: element, currentTarget: element, type: "change" } as ChangeEvent<HTMLInputElement>);
  };

  return (
    <div className="date-field">
      <TextField
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={DATE_FORMAT_HINT}
        maxLength={10}
        unit={note ? `${DATE_FORMAT_HINT} or yyyymmdd, ${note}` : `${DATE_FORMAT_HINT} or yyyymmdd`}
        {...props}
        ref={(element: HTMLInputElement | null) => {
          input.current = element;
          assignRef(ref, element);
        }}
        onChange={onChange}
        onBlur={(event: FocusEvent<HTMLInputElement>) => {
          setValue(normalizeDateInput(event.target.value));
          onBlur?.(event);
        }}
        onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
          if (event.key === "Enter") setValue(normalizeDateInput(event.currentTarget.value));
          onKeyDown?.(event);
        }}
      />
      <button
        type="button"
        className="link-button date-field-toggle"
        aria-expanded={open !== null}
        aria-controls={popoverId}
        onClick={() =>
          setOpen(
            open ? null : { value: normalizeDateInput(input.current?.value ?? ""), today: localIsoDate(new Date()) },
          )
        }
        disabled={props.disabled}
      >
        Calendar
      </button>
      {open ? (
        <CalendarPopover
          id={popoverId}
          value={open.value}
          today={open.today}
          onPick={(value) => {
            setValue(value);
            setOpen(null);
            input.current?.focus();
          }}
          onClose={() => {
            setOpen(null);
            input.current?.focus();
          }}
        />
      ) : null}
    </div>
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
