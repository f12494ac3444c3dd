import type { AuditRecord } from "@/lib/data/audit-history";
import type { CrfRecordView } from "@/lib/data/crf-records";
import type { DataQueryView } from "@/lib/data/data-queries";
import type { FieldVerificationView } from "@/lib/data/field-verification";
import type { FormReviewDetails } from "@/lib/data/form-review";
import type { PatientSummary } from "@/lib/data/patients";
import { flattenComputed } from "@/lib/export/form-layout";
import { flattenFields } from "@/lib/forms/flatten";
import { getFormDefinition } from "@/lib/forms/registry";
import { formatDateTimeInZone, formatTimestamp } from "@/lib/format-date";
import { PATIENT_STATUS_LABELS } from "@/lib/patient-status";
import { displayValue, escapeHtml, factsTable, labelKeyOf, printDocument } from "./print-html";

/** One form of the casebook with everything a reviewer needs beside its values. */
export interface CasebookForm {
  record: CrfRecordView;
  review: FormReviewDetails;
  queries: readonly DataQueryView[];
  verifications: readonly FieldVerificationView[];
}

export interface CasebookContent {
  patient: PatientSummary;
  forms: readonly CasebookForm[];
  /** The patient's whole audit trail, newest first (form rows are shown with their form too). */
  audit: readonly AuditRecord[];
  generatedAt: Date;
  generatedBy: string;
}

const STATUS_LABELS: Record<CrfRecordView["status"], string> = { IN_PROGRESS: "In progress", COMPLETE: "Complete" };

/** Site time with the zone named, and UTC beside it: the audit trail's clock is UTC. */
const bothClocks = (value: string | Date, timeZone: string) =>
  `${formatDateTimeInZone(value, timeZone)} · ${formatTimestamp(value)}`;

function valuesTable(form: CasebookForm): string {
  const definition = getFormDefinition(form.record.formType);
  const verified = new Map(form.verifications.map((v) => [v.fieldPath, v]));
  const tz = form.review.timeZone;
  const rows = Object.entries(flattenFields(form.record.data)).map(([path, value]) => {
    const label = definition?.labels[path] ?? definition?.labels[labelKeyOf(path)] ?? path;
    const check = verified.get(path);
    const sdv = check
      ? `<br><span class="muted">Source verified by ${escapeHtml(check.verifierName)}, ${escapeHtml(bothClocks(check.verifiedAt, tz))}</span>`
      : "";
    return [label, `${escapeHtml(displayValue(value))}${sdv}`] as const;
  });
  return rows.length ? factsTable(rows) : `<p class="muted">No values entered.</p>`;
}

function computedTable(record: CrfRecordView): string {
  const rows = Object.entries(flattenComputed(record.computed)).map(
    ([path, value]) => [path, escapeHtml(displayValue(value))] as const,
  );
  return rows.length ? `<h3>Computed by the rules engine</h3>${factsTable(rows)}` : "";
}

function queriesSection(form: CasebookForm): string {
  if (!form.queries.length) return "";
  const items = form.queries.map((q) => {
    const messages = q.messages
      .map(
        (m) =>
          `<li>${escapeHtml(m.kind.toLowerCase())} by ${escapeHtml(m.authorName)}, ${escapeHtml(formatTimestamp(m.createdAt))}: ${escapeHtml(m.text)}</li>`,
      )
      .join("");
    return `<li><strong>${escapeHtml(q.fieldLabel)}</strong> (${escapeHtml(q.status.toLowerCase())})<ul>${messages}</ul></li>`;
  });
  return `<h3>Queries</h3><ul>${items.join("")}</ul>`;
}

export function auditTable(
  records: readonly AuditRecord[],
  timeZone: string,
  labels: Readonly<Record<string, string>> = {},
): string {
  if (!records.length) return `<p class="muted">No changes recorded.</p>`;
  const rows = records.flatMap((r) =>
    (r.changes.length ? r.changes : [null]).map(
      (c) =>
        `<tr><td>${escapeHtml(formatDateTimeInZone(r.occurredAt, timeZone))}<br><span class="muted">${escapeHtml(formatTimestamp(r.occurredAt))}</span></td>` +
        `<td>${escapeHtml(r.actorEmail)}</td><td>${escapeHtml(r.action)}</td>` +
        `<td>${escapeHtml(c ? (labels[c.field] ?? labels[labelKeyOf(c.field)] ?? c.field) : "")}</td>` +
        `<td>${escapeHtml(c ? displayValue(c.from) : "")}</td><td>${escapeHtml(c ? displayValue(c.to) : "")}</td><td>${escapeHtml(r.reason ?? "")}</td></tr>`,
    ),
  );
  return (
    `<table><colgroup><col style="width:19%"><col style="width:17%"><col style="width:9%"><col style="width:15%"><col style="width:12%"><col style="width:12%"><col style="width:16%"></colgroup>` +
    `<thead><tr><th>When (site time / UTC)</th><th>Who</th><th>Action</th><th>Field</th><th>Old value</th><th>New value</th><th>Reason</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

function reviewFacts(form: CasebookForm): string {
  const { record, review } = form;
  const tz = review.timeZone;
  const signature = record.signedAt
    ? `Signed by ${escapeHtml(review.signedByName ?? "")}, ${escapeHtml(bothClocks(record.signedAt, tz))}`
    : "Not signed";
  const sdv = record.sdvAt
    ? `Verified by ${escapeHtml(review.sdvByName ?? "")}, ${escapeHtml(bothClocks(record.sdvAt, tz))}`
    : "Not verified";
  return factsTable([
    ["Status", escapeHtml(`${STATUS_LABELS[record.status]} (version ${record.version})`)],
    ["Last changed", escapeHtml(bothClocks(record.updatedAt, tz))],
    ["Investigator signature", signature],
    ["Source data verification", sdv],
  ]);
}

/** One form as printed: values, computed values, signature, SDV, queries and its own audit trail. */
export function formSection(form: CasebookForm, audit: readonly AuditRecord[]): string {
  const definition = getFormDefinition(form.record.formType);
  const title = `${definition?.title ?? form.record.formType}${form.record.visitKey ? ` · ${form.record.visitKey}` : ""}`;
  const own = audit.filter((a) => a.entityId === form.record.id);
  return (
    `<section class="form"><h2>${escapeHtml(title)}</h2>${reviewFacts(form)}<h3>Values</h3>${valuesTable(form)}${computedTable(form.record)}` +
    `${queriesSection(form)}<h3>Audit trail of this form</h3>${auditTable(own, form.review.timeZone, definition?.labels)}</section>`
  );
}

/** The cover: who the patient is, what the document holds, and when and by whom it was generated. */
function cover(content: CasebookContent, title: string): string {
  const { patient } = content;
  const tz = patient.site.timeZone;
  return (
    `<h1>${escapeHtml(title)}</h1>` +
    factsTable([
      ["Subject ID", escapeHtml(patient.subjectId)],
      ["Site", escapeHtml(`${patient.site.name} (${patient.site.code})`)],
      ["Status", escapeHtml(PATIENT_STATUS_LABELS[patient.status])],
      ["Screening date", escapeHtml(patient.screeningDate)],
      ["Enrollment date", escapeHtml(patient.enrollmentDate ?? "–")],
      ["Forms", escapeHtml(String(content.forms.length))],
      ["Generated", escapeHtml(bothClocks(content.generatedAt, tz))],
      ["Generated by", escapeHtml(content.generatedBy)],
    ])
  );
}

/** The whole casebook: cover, every form in order, then the patient-level audit trail. */
export function casebookHtml(content: CasebookContent): string {
  const formIds = new Set(content.forms.map((f) => f.record.id));
  const patientLevel = content.audit.filter((a) => !formIds.has(a.entityId));
  const body =
    cover(content, `Casebook of patient ${content.patient.subjectId}`) +
    content.forms.map((f) => formSection(f, content.audit)).join("") +
    `<section class="form"><h2>Patient audit trail (enrollment, status, locks, exports)</h2>${auditTable(patientLevel, content.patient.site.timeZone)}</section>`;
  return printDocument(`Casebook ${content.patient.subjectId}`, body);
}

/** One filled form as a document of its own. */
export function formPrintHtml(content: CasebookContent): string {
  const form = content.forms[0];
  const title = form
    ? `${getFormDefinition(form.record.formType)?.title ?? form.record.formType} · patient ${content.patient.subjectId}`
    : "Form";
  return printDocument(title, cover(content, title) + (form ? formSection(form, content.audit) : ""));
}
