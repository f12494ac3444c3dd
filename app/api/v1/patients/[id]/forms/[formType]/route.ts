import { apiRoute } from "@/lib/api/api-route";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { withBodyFieldPaths } from "@/lib/api/form-requests";
import { createFormBody, lenientFormData } from "@/lib/api/schemas";
import { saveCrfRecord } from "@/lib/data/crf-records";
import { getFormDefinition } from "@/lib/forms/registry";

export const dynamic = "force-dynamic";

/** Creates a form through the same write path as the web form (saveCrfRecord). */
export const POST = apiRoute(
  API_ENDPOINTS.createForm,
  async (actor, { params, body }) => {
    const definition = getFormDefinition(params.formType)!;
    const record = await withBodyFieldPaths(
      saveCrfRecord(actor, {
        patientId: params.id,
        formType: definition.type,
        // saveCrfRecord files the form under its visit (lib/forms/form-identity), as for the web form.
        visitKey: body.visitKey ?? null,
        recordId: null,
        expectedVersion: null,
        reason: null,
        data: body.data,
      }),
    );
    return { data: record };
  },
  // The form type's own schema, so field errors name the form's fields (data.weightKg...).
  { bodySchema: (params) => createFormBody(lenientFormData(getFormDefinition(params.formType)!.schema)) },
);
