import { getOpenApiDocument } from "@/lib/api/openapi";

/** Public: the document describes shapes, never data (see e2e/access-matrix.ts). */
export function GET(): Response {
  return Response.json(getOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
