"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/** What a server action returns to a form: done, or a message and the field errors keyed by path. */
export type ActionResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** Runs a server action from a react-hook-form form: field errors next to fields, the rest on top. */
export function useActionForm<T extends FieldValues>(setError: UseFormSetError<T>, onDone?: () => void) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  async function run(action: () => Promise<ActionResult>) {
    setFormError(null);
    const result = await action();
    if (result.ok) {
      onDone?.();
      router.refresh();
      return;
    }
    setFormError(result.message);
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (field !== "_form" && messages[0]) setError(field as Path<T>, { type: "server", message: messages[0] });
    }
  }
  return { run, formError };
}
