import "server-only";
import { randomUUID } from "node:crypto";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/audit-log";
import { getPrisma } from "@/lib/db/prisma";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { formatTimestamp } from "@/lib/format-date";
import { casebookHtml, formPrintHtml, type CasebookContent, type CasebookForm } from "@/lib/print/casebook-html";
import { renderPdf } from "@/lib/print/render-pdf";
import { readPatientAudit } from "./audit-history";
import { listCrfRecords } from "./crf-records";
import { listRecordQueries } from "./data-queries";
import { listFieldVerifications } from "./field-verification";
import { getFormReviewDetails } from "./form-review";
import { getPatientOrThrow } from "./patients";

export interface GeneratedPdf {
  fileName: string;
  pdf: Buffer;
}

/**
 * Everything printed about a patient, loaded through the same checks as the pages: the
 * patient must be readable (another site's patient is "not found") and the audit trail is
 * part of a casebook, so audit.read at the patient's site is required too.
 */
async function loadCasebook(actor: Actor, patientId: string, recordId: string | null): Promise<CasebookContent> {
  const patient = await getPatientOrThrow(actor, patientId);
  if (!hasPermission(actor, "audit.read", patient.site.id)) throw new ForbiddenError();
  const records = (await listCrfRecords(actor, patient.id)).filter((r) => recordId === null || r.id === recordId);
  if (recordId !== null && records.length === 0) throw new NotFoundError("Form");
  const forms: CasebookForm[] = [];
  // One form at a time: a casebook holds dozens of forms and the pool is shared with saves.
  for (const record of records) {
    const [review, queries, verifications] = await Promise.all([
      getFormReviewDetails(actor, patient.id, record.id),
      listRecordQueries(actor, patient.id, record.id),
      listFieldVerifications(actor, patient.id, record.id),
    ]);
    forms.push({ record, review, queries, verifications });
  }
  // The whole trail, not the pages' latest 500: a casebook is the complete record.
  const audit = await readPatientAudit(patient.id, { entityId: recordId ?? undefined, order: "asc" });
  return { patient, forms, audit, generatedAt: new Date(), generatedBy: `${actor.name} (${actor.email})` };
}

/**
 * A patient's casebook (recordId null) or one filled form as PDF, rendered by Chromium.
 * The generation is audited (who, which patient, which forms, how many bytes) after the
 * PDF exists, so the trail records what was handed out.
 */
export async function generatePatientPdf(
  actor: Actor,
  patientId: string,
  recordId: string | null,
): Promise<GeneratedPdf> {
  const content = await loadCasebook(actor, patientId, recordId);
  const { patient } = content;
  const kind = recordId ? "form" : "casebook";
  const html = recordId ? formPrintHtml(content) : casebookHtml(content);
  const pdf = await renderPdf(html, {
    header: `${kind === "casebook" ? "Casebook" : "Form"} · Subject ${patient.subjectId} · ${patient.site.code}`,
    footer: `Generated ${formatTimestamp(content.generatedAt)} by ${actor.email}`,
  });
  await getPrisma().$transaction(async (tx) => {
    await writeAudit(tx, actor, {
      action: "EXPORT",
      entityType: kind === "casebook" ? "casebook-pdf" : "form-pdf",
      entityId: recordId ?? randomUUID(),
      siteId: patient.site.id,
      patientId: patient.id,
      changes: [
        { field: "format", from: null, to: "pdf" },
        { field: "forms", from: null, to: content.forms.length },
        { field: "bytes", from: null, to: pdf.length },
      ],
    });
  });
  const stamp = content.generatedAt.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return { fileName: `${kind}-${patient.subjectId}-${stamp}.pdf`, pdf };
}
