"use client";

import { useId, useState } from "react";
import { buildErrorReportCsv } from "@/lib/import/error-report";
import { FormError } from "@/components/ui/form-error";
import { TableHead } from "@/components/ui/table-head";

type Counts = { created: number; updated: number; unchanged: number; refused: number };
interface Report {
  dryRun: boolean;
  sha256: string;
  patients: Counts;
  forms: Counts;
  errors: { subjectId: string; formType: string | null; field: string | null; message: string }[];
  lines: { subjectId: string; formType: string | null; visitKey: string | null; action: string; fields: string[] }[];
}
type State =
  | { kind: "idle" }
  | { kind: "uploading"; dryRun: boolean; percent: number }
  | { kind: "checking"; dryRun: boolean }
  | { kind: "done"; report: Report }
  | { kind: "error"; message: string };

const formatOf = (file: File) => (file.name.toLowerCase().endsWith(".xml") ? "odm" : "csv");
const mediaTypeOf = (format: "odm" | "csv") => (format === "odm" ? "application/xml" : "application/zip");

/** Sends the file with upload progress (XMLHttpRequest: fetch cannot report it) and reads the JSON report. */
function send(
  file: File,
  format: "odm" | "csv",
  dryRun: boolean,
  onProgress: (percent: number) => void,
  onUploaded: () => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/imports?format=${format}&dryRun=${dryRun}`);
    xhr.setRequestHeader("Content-Type", mediaTypeOf(format));
    xhr.upload.onprogress = (event) =>
      event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
    xhr.upload.onload = onUploaded;
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) });
      } catch {
        resolve({ status: xhr.status, body: null });
      }
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(file);
  });
}

/**
 * Preview first (a dry run: the real import rolled back, so it cannot differ), then import the
 * same file. The error report downloads as CSV.
 */
export function ImportPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [previewed, setPreviewed] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const fileId = useId();
  const busy = state.kind === "uploading" || state.kind === "checking";

  async function run(dryRun: boolean) {
    if (!file) return;
    setState({ kind: "uploading", dryRun, percent: 0 });
    try {
      const { status, body } = await send(
        file,
        formatOf(file),
        dryRun,
        (percent) => setState({ kind: "uploading", dryRun, percent }),
        () => setState({ kind: "checking", dryRun }),
      );
      if (status !== 200) {
        setState({
          kind: "error",
          message: (body as { error?: string } | null)?.error ?? `The import failed (HTTP ${status}).`,
        });
        return;
      }
      setState({ kind: "done", report: body as Report });
      if (dryRun) setPreviewed(file);
    } catch {
      setState({ kind: "error", message: "The upload was interrupted. Try again." });
    }
  }

  function downloadErrors(report: Report) {
    const url = URL.createObjectURL(new Blob([buildErrorReportCsv(report.errors)], { type: "text/csv" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `import-errors-${report.sha256.slice(0, 12)}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <>
      <section className="card" aria-labelledby="import-file">
        <h2 id="import-file">File</h2>
        <div className="field">
          <label htmlFor={fileId}>CSV export (.zip) or CDISC ODM 1.3.2 (.xml)</label>
          <input
            id={fileId}
            type="file"
            accept=".zip,.xml,application/zip,application/xml"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPreviewed(null);
              setState({ kind: "idle" });
            }}
          />
        </div>
        <p>
          <button type="button" className="button" disabled={!file || busy} onClick={() => run(true)}>
            Preview (nothing is saved)
          </button>{" "}
          <button
            type="button"
            className="button secondary"
            disabled={!file || busy || previewed !== file}
            onClick={() => run(false)}
          >
            Import
          </button>
        </p>
        <p role="status" aria-live="polite">
          {state.kind === "uploading" ? `Uploading: ${state.percent}%` : null}
          {state.kind === "checking"
            ? state.dryRun
              ? "Checking every patient and form..."
              : "Importing, one patient at a time..."
            : null}
        </p>
        <FormError message={state.kind === "error" ? state.message : null} />
      </section>
      {state.kind === "done" ? (
        <ImportReport report={state.report} onDownloadErrors={() => downloadErrors(state.report)} />
      ) : null}
    </>
  );
}

function ImportReport({ report, onDownloadErrors }: { report: Report; onDownloadErrors: () => void }) {
  const counts = (c: Counts) =>
    `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.refused} refused`;
  // The report lists the forms created, changed or refused (the first of them); the counts say how many in all.
  const changed = report.forms.created + report.forms.updated + report.forms.refused;
  return (
    <section className="card" aria-labelledby="import-report">
      <h2 id="import-report">{report.dryRun ? "Preview: what the import would do" : "Import done"}</h2>
      <p>
        Patients: {counts(report.patients)}. Forms: {counts(report.forms)}.
      </p>
      <p className="muted">File SHA-256 {report.sha256}</p>
      {report.errors.length ? (
        <>
          <h3>Refused ({report.errors.length})</h3>
          <p>A patient with any refusal is not imported at all.</p>
          <button type="button" className="button secondary" onClick={onDownloadErrors}>
            Download the error report (CSV)
          </button>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Refusals">
            <table>
              <TableHead columns={["Subject", "Form", "Field", "Why"]} />
              <tbody>
                {report.errors.slice(0, 500).map((e, i) => (
                  <tr key={i}>
                    <td>{e.subjectId}</td>
                    <td>{e.formType ?? "patient"}</td>
                    <td>{e.field ?? ""}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <h3>Forms created, changed or refused ({changed})</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Forms">
        <table>
          <TableHead columns={["Subject", "Form", "Visit", "Action", "Fields"]} />
          <tbody>
            {report.lines.slice(0, 500).map((line, i) => (
              <tr key={i}>
                <td>{line.subjectId}</td>
                <td>{line.formType}</td>
                <td>{line.visitKey ?? ""}</td>
                <td>{line.action}</td>
                <td>
                  {line.fields.length > 6
                    ? `${line.fields.slice(0, 6).join(", ")} and ${line.fields.length - 6} more`
                    : line.fields.join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {changed > 500 ? <p className="muted">The first 500 of {changed} are shown.</p> : null}
    </section>
  );
}
