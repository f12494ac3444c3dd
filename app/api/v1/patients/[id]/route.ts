import { getPatientOrThrow } from "@/lib/data/patients";
import { withActor } from "@/lib/http/with-actor";

export const dynamic = "force-dynamic";

/** GET /api/v1/patients/{id}: 404 for a missing patient and for another site's patient alike. */
export const GET = withActor<{ id: string }>(async (actor, _request, { id }) => ({ data: await getPatientOrThrow(actor, id) }));
