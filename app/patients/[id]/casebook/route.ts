import { z } from "zod";
import { generatePatientPdf } from "@/lib/data/casebook";
import { ValidationError } from "@/lib/errors";
import { pdfResponse } from "@/lib/http/pdf-response";
import { withActor } from "@/lib/http/with-actor";
import { toFieldErrors } from "@/lib/schemas/field-errors";

export const dynamic = "force-dynamic";

const CasebookRequest = z.object({ recordId: z.uuid().nullable().default(null) });

/**
 * POST /patients/:id/casebook (JSON body {} for the whole casebook, {"recordId": …} for one
 * form): the PDF. A POST because generating it writes an audit record (a cross-site link
 * must not be able to start one); lib/data/casebook checks patient.read and audit.read.
 */
export const POST = withActor<{ id: string }>(
  async (actor, request, { id }) => {
    const parsed = CasebookRequest.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
    return pdfResponse(await generatePatientPdf(actor, id, parsed.data.recordId));
  },
  { changesNoData: true },
);
