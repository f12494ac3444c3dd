import { listPatients } from "@/lib/data/patients";
import { ValidationError } from "@/lib/errors";
import { withActor } from "@/lib/http/with-actor";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { ListPatientsQuerySchema } from "@/lib/schemas/patient";

export const dynamic = "force-dynamic";

/** GET /api/v1/patients?pageSize=&cursor= -> { data: [...], nextCursor } */
export const GET = withActor(async (actor, request) => {
  const query = ListPatientsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new ValidationError(toFieldErrors(query.error.issues));
  return listPatients(actor, query.data);
});
