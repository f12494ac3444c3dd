"use client";

import { useEffect } from "react";

interface Note {
  fieldPath: string;
  status: string;
  text: string;
}

/**
 * Shows each open query as a note right after its field (the form's inputs carry their
 * react-hook-form names), and brings the field a work-list or inbox link named into view.
 * The notes are elements of their own appended to the field's container, so React's nodes are
 * never moved; fields that mount later (a section shown after a choice) get theirs then.
 */
export function FieldNotes({ notes, focusPath }: { notes: Note[]; focusPath: string | null }) {
  useEffect(() => {
    const added = new Map<string, HTMLElement>();
    const place = () => {
      for (const note of notes) {
        if (added.get(note.fieldPath)?.isConnected) continue;
        const field = document.querySelector<HTMLElement>(`form [name="${CSS.escape(note.fieldPath)}"]`);
        const host = field?.closest<HTMLElement>(".field, .radio-group, fieldset") ?? field?.parentElement;
        if (!host) continue;
        const element = document.createElement("p");
        element.className = "field-warning";
        element.dataset.testid = "field-query-note";
        element.textContent = `Query (${note.status.toLowerCase()}): ${note.text}`;
        host.appendChild(element);
        added.set(note.fieldPath, element);
      }
    };
    place();
    if (focusPath) {
      const field = document.querySelector<HTMLElement>(`form [name="${CSS.escape(focusPath)}"]`);
      if (field) {
        field.setAttribute("data-focused-field", "true");
        field.style.outline = "3px solid #b3261e";
        field.scrollIntoView({ block: "center" });
        field.focus({ preventScroll: true });
      }
    }
    const observer = new MutationObserver(place);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      added.forEach((element) => element.remove());
    };
  }, [notes, focusPath]);
  return null;
}
