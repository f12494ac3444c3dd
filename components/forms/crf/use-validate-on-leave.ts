"use client";

import { useEffect, useRef, type FormEvent } from "react";
import { get, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";

/**
 * A typed value is checked when its field is left (a weight of 700 says so at once), and a field
 * already marked is re-checked as it is corrected, so its message goes while typing. Empty fields
 * wait for Save: a form does not open in red.
 *
 * A message that appears moves what is below it. When the field is left by pressing a button
 * ("Use /mm3", Save), the check waits until the click is over: a layout shift between
 * mousedown and mouseup would swallow the click (react-hook-form's "onTouched" mode did so).
 */
export function useValidateOnLeave<T extends FieldValues, TOutput>(
  form: UseFormReturn<T, unknown, TOutput>,
  onAllCorrected: () => void,
) {
  const pointerDown = useRef(false);
  const waiting = useRef(new Set<string>());

  useEffect(() => {
    const flush = () => {
      const names = [...waiting.current];
      waiting.current.clear();
      if (names.length) void form.trigger(names as Path<T>[]);
    };
    const down = () => {
      pointerDown.current = true;
    };
    // After pointerup the click is dispatched in the same task; the check runs in the next one.
    const up = () =>
      setTimeout(() => {
        pointerDown.current = false;
        flush();
      }, 0);
    document.addEventListener("pointerdown", down, true);
    document.addEventListener("pointerup", up, true);
    document.addEventListener("pointercancel", up, true);
    return () => {
      document.removeEventListener("pointerdown", down, true);
      document.removeEventListener("pointerup", up, true);
      document.removeEventListener("pointercancel", up, true);
    };
  }, [form]);

  function onBlur(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    if (!target.name || target.type === "radio" || target.type === "checkbox" || target.value === "") return;
    if (pointerDown.current) waiting.current.add(target.name);
    else void form.trigger(target.name as Path<T>);
  }

  function onChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    if (!target.name || !get(form.formState.errors, target.name)) return;
    void form.trigger(target.name as Path<T>).then(() => {
      if (Object.keys(form.formState.errors).length === 0) onAllCorrected();
    });
  }

  return { onBlur, onChange };
}
