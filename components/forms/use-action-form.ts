"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, UseFormSetError } from "react-hook-form";
import { useServerFieldErrors } from "./use-server-field-errors";

/** What a server action returns to a form: done (with its data), or a message and the field errors keyed by path. */
export type ActionResult<Data = unknown> =
  { ok: true; data: Data } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/**
 * Runs a server action from a react-hook-form form: field errors next to fields, the rest on top.
 * After a success `onDone` runs and the page's server components are read again; `run` returns
 * the action's result for a form that shows what was made.
 */
export function useActionForm<T extends FieldValues>(setError: UseFormSetError<T>, onDone?: () => void) {
  const router = useRouter();
  const applyServerErrors = useServerFieldErrors(setError);
  const [formError, setFormError] = useState<string | null>(null);
  async function run<Data>(action: () => Promise<ActionResult<Data>>) {
    setFormError(null);
    const result = await action();
    if (result.ok) {
      onDone?.();
      router.refresh();
    } else {
      setFormError(result.message);
      applyServerErrors(result.fieldErrors);
    }
    return result;
  }
  return { run, formError };
}
