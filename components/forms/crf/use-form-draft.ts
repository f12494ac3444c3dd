"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

interface StoredDraft {
  savedAt: string;
  values: unknown;
}

/**
 * Keeps what was typed on an unsaved form in the tab's sessionStorage and offers it back when
 * the form is opened again: after the browser's Back button, a reload, a link followed from
 * the form (the grade-3 prompt's "Record an adverse event") or an expired session. Session
 * storage, not local storage: clinical data must not outlive the tab on a shared ward
 * computer. The draft is keyed by the record and the version it was based on, so a draft of
 * an older version is never applied over someone else's later change.
 */
export function useFormDraft<T extends FieldValues>(form: UseFormReturn<T>, key: string) {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const restoring = useRef(false);

  useEffect(() => {
    const stored = readDraft(key);
    if (stored) {
      restoring.current = true;
      // keepDefaultValues: the restored entries count as unsaved changes (dirty), as they are.
      form.reset(stored.values as T, { keepDefaultValues: true });
      restoring.current = false;
      // Once, after mount: session storage exists only in the browser, so the server-rendered
      // form cannot know of the draft and the notice must follow hydration.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setRestoredAt(stored.savedAt);
    }
    const subscription = form.watch((values) => {
      if (restoring.current) return;
      try {
        sessionStorage.setItem(
          key,
          JSON.stringify({ savedAt: new Date().toISOString(), values } satisfies StoredDraft),
        );
      } catch {
        // Storage full or disabled: the unsaved-changes prompt still guards the entries.
      }
    });
    return () => subscription.unsubscribe();
  }, [form, key]);

  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(key);
    } catch {
      // nothing stored
    }
    setRestoredAt(null);
  }, [key]);

  const discard = useCallback(() => {
    clear();
    form.reset();
  }, [clear, form]);

  return { restoredAt, clear, discard };
}

function readDraft(key: string): StoredDraft | null {
  try {
    const text = sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as StoredDraft) : null;
  } catch {
    return null;
  }
}

/** The draft's key: one per patient, form, visit or record, and the version the edit started from. */
export function draftKey(
  patientId: string,
  formType: string,
  visitKey: string | null,
  record: { id: string; version: number } | null,
): string {
  return `trialdesk-draft:${patientId}:${formType}:${record ? `${record.id}@${record.version}` : (visitKey ?? "new")}`;
}
