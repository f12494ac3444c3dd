import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { withBodyFieldPaths } from "@/lib/api/form-requests";
import { lenientFormData, updateFormBody } from "@/lib/api/schemas";
import { deleteCrfRecord, getCrfRecordOrThrow, saveCrfRecord } from "@/lib/data/crf-records";
import { getFormDefinition } from "@/lib/forms/registry";

export const dynamic = "force-dynamic";

export const GET = apiRoute(API_ENDPOINTS.getForm, async (actor, { params }) => ({
  data: await getCrfRecordOrThrow(actor, params.id, params.formType, params.recordId),
}));

/** A correction: the version read (stale -> 409) and a reason, exactly as in the web form. */
export const PUT = apiRoute(
  API_ENDPOINTS.updateForm,
  async (actor, { params, body }) => {
    const record = await withBodyFieldPaths(
      saveCrfRecord(actor, {
        patientId: params.id,
        formType: params.formType,
        visitKey: null,
        recordId: params.recordId,
        expectedVersion: body.version,
        reason: body.reason,
        data: body.data,
      }),
    );
    return { data: record };
  },
  { bodySchema: (params) => updateFormBody(lenientFormData(getFormDefinition(params.formType)!.schema)) },
);

/** Withdraws the form (soft delete with the reason); the form type in the path must be the record's. */
export const DELETE = apiRoute(API_ENDPOINTS.deleteForm, async (actor, { params, body }) => {
  await getCrfRecordOrThrow(actor, params.id, params.formType, params.recordId);
  await deleteCrfRecord(actor, { patientId: params.id, recordId: params.recordId, reason: body.reason });
  return null;
});
