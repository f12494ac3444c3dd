/**
 * Small helpers for the printable documents (casebook, blank and annotated CRFs): HTML is
 * built as escaped strings rather than with react-dom/server, so the same code runs in a
 * route handler, a script and a test without a React render pipeline.
 */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and attribute values: clinical free text is untrusted. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A value as a reader reads it: empty as an en dash, booleans as Yes/No, lists joined. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.length ? value.map(displayValue).join("; ") : "–";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** "lesions.0.diameterMm" -> "lesions.*.diameterMm", the key form labels use for list rows. */
export function labelKeyOf(path: string): string {
  return path.replace(/\.\d+(?=\.|$)/g, ".*");
}

const PRINT_CSS = `
  @page { size: A4; }
  * { box-sizing: border-box; }
  body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; line-height: 1.35; }
  h1 { font-size: 16pt; margin: 0 0 8px; }
  h2 { font-size: 13pt; margin: 18px 0 6px; border-bottom: 1px solid #999; padding-bottom: 2px; break-after: avoid; }
  h3 { font-size: 11pt; margin: 12px 0 4px; break-after: avoid; }
  table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; table-layout: fixed; }
  th, td { border: 1px solid #bbb; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  th { background: #eee; }
  tr { break-inside: avoid; }
  .facts td:first-child { width: 32%; font-weight: 600; }
  .form { break-before: page; }
  .muted { color: #555; }
  .box { display: inline-block; min-width: 60mm; border-bottom: 1px solid #333; height: 1.2em; }
  .choice { margin-right: 10px; white-space: nowrap; }
  .annotation { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; color: #8a1c00; }
  .sign { border: 1px solid #333; padding: 6px; margin: 6px 0; }
`;

/** A complete printable document with the shared print stylesheet. */
export function printDocument(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PRINT_CSS}</style></head><body>${body}</body></html>`;
}

/** A two-column table of label/value rows (values already escaped HTML). */
export function factsTable(rows: readonly (readonly [string, string])[]): string {
  return `<table class="facts"><tbody>${rows.map(([label, html]) => `<tr><td>${escapeHtml(label)}</td><td>${html}</td></tr>`).join("")}</tbody></table>`;
}
