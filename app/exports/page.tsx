import type { Metadata } from "next";
import { ExportDownload } from "@/components/exports/export-download";
import { requirePermission } from "@/lib/auth/require-permission";

export const metadata: Metadata = { title: "Exports" };

const EXPORTS = [
  {
    format: "csv",
    title: "CSV per form, with data dictionary",
    label: "CSV (zip)",
    text: "One CSV file per form with its computed values, long-format files for lesions and cytokine analytes, patients.csv, dictionary.csv (label, type, unit and allowed values of every column) and R, SAS and Stata scripts that read every file with its types, labels, units and value labels. Text cells that a spreadsheet would run as a formula start with an apostrophe.",
  },
  {
    format: "odm",
    title: "CDISC ODM 1.3.2 XML",
    label: "ODM XML",
    text: "Study metadata (events, forms, item groups, items, code lists, units) and clinical data with the audit record of every value: who, where, when and why.",
  },
  {
    format: "sdtm",
    title: "SDTM-style datasets",
    label: "SDTM (zip)",
    text: "DM, EX, AE, LB, TU, TR, RS and DS as CSV with SDTMIG variables and CDISC controlled terms, ready for analysis.",
  },
] as const;

export default async function ExportsPage() {
  await requirePermission("export.run", "/exports");
  return (
    <>
      <section className="card">
        <h1>Exports</h1>
        <p className="muted">
          Every export holds the patients of the sites you may export, is written while it downloads, and is recorded in
          the audit trail (who, format, filters, rows per file).
        </p>
      </section>
      {EXPORTS.map((item) => (
        <section key={item.format} className="card" aria-labelledby={`export-${item.format}`}>
          <h2 id={`export-${item.format}`}>{item.title}</h2>
          <p>{item.text}</p>
          <ExportDownload
            href={`/api/v1/exports/${item.format}`}
            label={item.label}
            fallbackName={`trialdesk-${item.format}`}
          />
        </section>
      ))}
    </>
  );
}
