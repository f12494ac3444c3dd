"use client";

import { useId, useState } from "react";
import { fileNameFrom } from "@/lib/export/download-progress";
import { saveDownload } from "@/components/save-download";

type State =
  { kind: "idle" } | { kind: "running" } | { kind: "done"; fileName: string } | { kind: "error"; message: string };

/**
 * Asks the server for a PDF (casebook or one form) and saves it. A POST with JSON: generating
 * it writes an audit record, so a cross-site link must not be able to start one.
 */
export function PdfDownloadButton({
  href,
  body,
  label,
}: {
  href: string;
  body: Record<string, unknown>;
  label: string;
}) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const statusId = useId();

  async function download() {
    setState({ kind: "running" });
    try {
      const response = await fetch(href, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        const error = (await response.json().catch(() => null)) as { error?: string } | null;
        setState({ kind: "error", message: error?.error ?? `The PDF could not be made (HTTP ${response.status}).` });
        return;
      }
      const fileName = fileNameFrom(response.headers.get("Content-Disposition"), "document.pdf");
      saveDownload(await response.blob(), fileName);
      setState({ kind: "done", fileName });
    } catch {
      setState({ kind: "error", message: "The download was interrupted. Try again." });
    }
  }

  return (
    <span className="pdf-download">
      <button
        type="button"
        className="button secondary"
        onClick={download}
        disabled={state.kind === "running"}
        aria-describedby={statusId}
      >
        {state.kind === "running" ? `Making ${label}...` : label}
      </button>{" "}
      <span id={statusId} role="status" aria-live="polite">
        {state.kind === "done" ? (
          `Saved ${state.fileName}.`
        ) : state.kind === "error" ? (
          <span className="form-error">{state.message}</span>
        ) : null}
      </span>
    </span>
  );
}
