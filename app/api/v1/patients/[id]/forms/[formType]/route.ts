import { z } from "zod";
import { saveCrfRecord } from "@/lib/data/crf-records";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { getFormDefinition } from "@/lib/forms/registry";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withActor } from "@/lib/http/with-actor";
import { toFieldErrors } from "@/lib/schemas/field-errors";

export const dynamic = "force-dynamic";

const CreateFormBody = z.object({ visitKey: z.string().max(40).nullable().default(null), data: z.unknown() });

/**
 * POST /api/v1/patients/{id}/forms/{formType} {visitKey?, data} -> 201 {data: record}.
 * Creates a form through the one write path (saveCrfRecord: schema, cross-form rules,
 * computed values, audit in the same transaction). Minimal on purpose: the REST API branch
 * brings the full resource set; this is the contract the load and fault tests drive.
 */
export const POST = withActor<{ id: string; formType: string }>(async (actor, request, { id, formType }) => {
  const definition = getFormDefinition(formType);
  if (!definition) throw new NotFoundError("Form type");
  const body = CreateFormBody.safeParse(await readJsonBody(request));
  if (!body.success) throw new ValidationError(toFieldErrors(body.error.issues));
  const record = await saveCrfRecord(actor, {
    patientId: id,
    formType: definition.type,
    visitKey: definition.fixedVisitKey ?? body.data.visitKey,
    recordId: null,
    expectedVersion: null,
    reason: null,
    data: body.data.data,
  });
  return Response.json({ data: record }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
