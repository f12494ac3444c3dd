"use client";

import { useEffect } from "react";

export const LEAVE_MESSAGE = "You have unsaved changes on this form. Leave the page and lose them?";

/**
 * While a form has unsaved changes, leaving asks first, as REDCap and Rave do: a reload, a
 * closed tab or a typed address (the browser's own prompt on beforeunload), and any link in
 * the app (a capture-phase listener on the document runs before Next's Link handler). Links
 * that open elsewhere (new tab, download) leave the form where it is and are not asked about.
 */
export function useUnsavedGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement)) return;
      if (link.target === "_blank" || link.hasAttribute("download") || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      if (!window.confirm(LEAVE_MESSAGE)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);
}
