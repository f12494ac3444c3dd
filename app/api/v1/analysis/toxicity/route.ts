import { getToxicityAnalysis } from "@/lib/data/toxicity-analysis";
import { withActor } from "@/lib/http/with-actor";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { ToxicityQuerySchema } from "@/lib/schemas/toxicity";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/analysis/toxicity?site=&term=&grade=&serious=&thalidomide=&uft=&onsetFrom=&onsetTo=
 * -> { filters, worstGrade: { population, denominator, anyEvent, rows }, counts }.
 * A malformed query string is the client's error: 400 with the problems by parameter.
 */
export const GET = withActor(async (actor, request) => {
  const query = ToxicityQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return Response.json(
      { error: "Some query parameters are not valid.", fieldErrors: toFieldErrors(query.error.issues) },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  return getToxicityAnalysis(actor, query.data);
});
