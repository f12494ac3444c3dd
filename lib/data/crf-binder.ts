import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { scopeOf } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { listFormDefinitions } from "@/lib/forms/registry";
import { crfBinderHtml, type BinderKind } from "@/lib/print/crf-binder-html";
import { renderPdf } from "@/lib/print/render-pdf";
import type { GeneratedPdf } from "./casebook";

/**
 * Blank or annotated CRFs for the protocol binder. They hold no patient data, but they are
 * study documents: anyone who may read patients (the people who fill, check or file them) may print them.
 */
export async function generateCrfBinderPdf(actor: Actor, kind: BinderKind): Promise<GeneratedPdf> {
  if (scopeOf(actor, "patient.read").kind === "none") throw new ForbiddenError();
  const generatedAt = new Date();
  const pdf = await renderPdf(crfBinderHtml(listFormDefinitions(), kind, generatedAt), {
    header: kind === "annotated" ? "Annotated CRF" : "Blank CRF",
    footer: `Generated ${generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
  });
  return { fileName: `crf-${kind}.pdf`, pdf };
}
