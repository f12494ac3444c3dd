"use client";

import { useId, useState } from "react";
import {
  createTextTokenCounter,
  createZipEntryCounter,
  fileNameFrom,
  formatBytes,
  type ProgressCounter,
} from "@/lib/export/download-progress";
import { saveDownload } from "@/components/save-download";

interface Progress {
  done: number;
  total: number | null;
  unit: "files" | "patients";
  bytes: number;
}

type State =
  | { kind: "idle" }
  | { kind: "running"; progress: Progress }
  | { kind: "done"; fileName: string; bytes: number }
  | { kind: "error"; message: string };

/**
 * Starts one export with a POST (an export writes an audit row, so a cross-site link must not
 * be able to start one), reads the streamed answer showing progress against the totals the
 * server announces (files of a zip, patients of an ODM document), then saves the file.
 */
export function ExportDownload({ href, label, fallbackName }: { href: string; label: string; fallbackName: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const statusId = useId();

  async function download() {
    setState({ kind: "running", progress: { done: 0, total: null, unit: "files", bytes: 0 } });
    try {
      const response = await fetch(href, {
        method: "POST",
        headers: { Accept: "*/*", "Content-Type": "application/json" },
        body: "{}",
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        setState({ kind: "error", message: body?.error ?? `The export failed (HTTP ${response.status}).` });
        return;
      }
      const files = response.headers.get("X-Export-Files");
      const patients = Number(response.headers.get("X-Export-Patients") ?? "0");
      const unit: Progress["unit"] = files ? "files" : "patients";
      const total = files ? Number(files) : patients;
      const counter: ProgressCounter = files ? createZipEntryCounter(total) : createTextTokenCounter("<SubjectData ");
      const reader = response.body.getReader();
      const parts: Uint8Array[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.length;
        setState({ kind: "running", progress: { done: counter.push(value), total, unit, bytes } });
      }
      const fileName = fileNameFrom(response.headers.get("Content-Disposition"), fallbackName);
      saveDownload(
        new Blob(parts as BlobPart[], { type: response.headers.get("Content-Type") ?? "application/octet-stream" }),
        fileName,
      );
      setState({ kind: "done", fileName, bytes });
    } catch {
      setState({ kind: "error", message: "The download was interrupted. Try again." });
    }
  }

  const running = state.kind === "running";
  return (
    <div className="export-download">
      <div className="inline-form">
        <button type="button" className="button" onClick={download} disabled={running} aria-describedby={statusId}>
          {running ? `Downloading ${label}...` : `Download ${label}`}
        </button>
      </div>
      <div id={statusId} role="status" aria-live="polite" className="export-status">
        {state.kind === "running" ? (
          <>
            <progress
              max={state.progress.total || undefined}
              value={state.progress.total ? state.progress.done : undefined}
              aria-label={`${label} progress`}
            />{" "}
            <span>
              {state.progress.total !== null
                ? `${state.progress.done} of ${state.progress.total} ${state.progress.unit}, `
                : ""}
              {formatBytes(state.progress.bytes)} received
            </span>
          </>
        ) : state.kind === "done" ? (
          <span>
            Saved {state.fileName} ({formatBytes(state.bytes)}).
          </span>
        ) : state.kind === "error" ? (
          <span className="form-error">{state.message}</span>
        ) : null}
      </div>
    </div>
  );
}
