import { buildFormLayout, type ItemSpec } from "@/lib/export/form-layout";
import type { FormDefinition } from "@/lib/forms/form-definition";
import { escapeHtml, printDocument } from "./print-html";
import { sdtmTargetOf } from "./sdtm-annotations";

export type BinderKind = "blank" | "annotated";

function entry(item: ItemSpec): string {
  if (item.type === "boolean") return `<span class="choice">☐ Yes</span><span class="choice">☐ No</span>`;
  if (item.allowedValues.length)
    return item.allowedValues.map((v) => `<span class="choice">☐ ${escapeHtml(v)}</span>`).join(" ");
  const hint = item.type === "date" ? " (yyyy-mm-dd)" : item.type === "datetime" ? " (yyyy-mm-dd hh:mm)" : "";
  return `<span class="box"></span>${escapeHtml(`${item.unit ? ` ${item.unit}` : ""}${hint}`)}`;
}

function annotation(formType: string, csvFile: string, path: string): string {
  const target = sdtmTargetOf(formType, path);
  return `<div class="annotation">CSV ${escapeHtml(csvFile)}: ${escapeHtml(path)} · SDTM ${escapeHtml(target ?? "not submitted (CSV only)")}</div>`;
}

function itemRows(
  formType: string,
  items: readonly ItemSpec[],
  kind: BinderKind,
  csvFile: string,
  prefix = "",
): string {
  return items
    .map((item) => {
      const note =
        kind === "annotated" ? annotation(formType, csvFile, prefix ? `${prefix}.*.${item.path}` : item.path) : "";
      return `<tr><td>${escapeHtml(item.label)}${note}</td><td>${entry(item)}</td></tr>`;
    })
    .join("");
}

/** One form as a blank page to fill by hand, or annotated with its export variables. */
export function blankFormSection(form: FormDefinition, kind: BinderKind): string {
  const layout = buildFormLayout(form);
  const csvFile = `${form.type}.csv`;
  const groups = layout.groups
    .map((g) => {
      const file = `${form.type}.${g.path}.csv`;
      return `<h3>${escapeHtml(g.label)} (one row per entry)</h3><table><tbody>${itemRows(form.type, g.items, kind, file, g.path)}</tbody></table>`;
    })
    .join("");
  return (
    `<section class="form"><h2>${escapeHtml(form.title)}</h2>` +
    `<p class="muted">Subject ID <span class="box"></span> Visit <span class="box"></span></p>` +
    `<table><colgroup><col style="width:50%"><col style="width:50%"></colgroup><tbody>${itemRows(form.type, layout.items, kind, csvFile)}</tbody></table>${groups}` +
    `<div class="sign">Investigator signature <span class="box"></span> Date <span class="box"></span></div></section>`
  );
}

/** Every form of the study, blank or annotated, for the protocol binder. */
export function crfBinderHtml(forms: readonly FormDefinition[], kind: BinderKind, generatedAt: Date): string {
  const title = kind === "annotated" ? "Annotated case report forms" : "Blank case report forms";
  const intro =
    `<h1>${title}</h1><p>${forms.length} forms, generated ${escapeHtml(generatedAt.toISOString().slice(0, 16).replace("T", " "))} UTC.</p>` +
    (kind === "annotated"
      ? `<p>Each field names its column in the CSV export (file: column) and its SDTM target (DOMAIN.VARIABLE, with the test code where one variable holds several tests).</p>`
      : "");
  return printDocument(title, intro + forms.map((f) => blankFormSection(f, kind)).join(""));
}
