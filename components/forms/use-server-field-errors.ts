"use client";

import { useCallback } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/** Shows the server's field errors (same schema, checked again there) next to the fields. */
export function useServerFieldErrors<T extends FieldValues>(setError: UseFormSetError<T>) {
  return useCallback(
    (fieldErrors: Record<string, string[]> | undefined) => {
      for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
        if (field !== "_form" && messages[0]) setError(field as Path<T>, { type: "server", message: messages[0] });
      }
    },
    [setError],
  );
}
