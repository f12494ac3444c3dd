import { generateCrfBinderPdf } from "@/lib/data/crf-binder";
import { NotFoundError } from "@/lib/errors";
import { pdfResponse } from "@/lib/http/pdf-response";
import { withActor } from "@/lib/http/with-actor";

export const dynamic = "force-dynamic";

/** GET /crf-binder/blank or /crf-binder/annotated: every study form as PDF, for the protocol binder. */
export const GET = withActor<{ kind: string }>(async (actor, _request, { kind }) => {
  if (kind !== "blank" && kind !== "annotated") throw new NotFoundError();
  return pdfResponse(await generateCrfBinderPdf(actor, kind));
});
