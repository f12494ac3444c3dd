import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, PayloadTooLargeError, ValidationError } from "@/lib/errors";
import { withActor } from "@/lib/http/with-actor";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { findUnstorableText } from "@/lib/schemas/unstorable-text";
import type { ApiEndpoint } from "./endpoint";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ApiInput<E extends ApiEndpoint> {
  params: Out<E["params"]>;
  query: Out<E["query"]>;
  body: Out<E["body"]>;
}

/** Form data is small; a megabyte is far beyond any real form and stops memory abuse. */
export const MAX_BODY_BYTES = 1_048_576;

/**
 * A route handler for one entry of the endpoint list: withActor (credentials, JSON-only
 * writes, read-only tokens), then the entry's own schemas parse the path (a bad id is 404,
 * like a missing record), the query and the body (400 with every field error, before
 * anything is read or written). `bodySchema` replaces the entry's body schema when the
 * exact one depends on the path (a form type's own data schema); it must accept a subset of
 * what the entry's schema documents.
 */
export function apiRoute<E extends ApiEndpoint>(
  endpoint: E,
  run: (actor: Actor, input: ApiInput<E>, request: Request) => Promise<unknown>,
  options: { bodySchema?: (params: Out<E["params"]>) => z.ZodType } = {},
) {
  return withActor<Record<string, string>>(async (actor, request, rawParams) => {
    const params = endpoint.params ? endpoint.params.safeParse(rawParams) : { success: true as const, data: undefined };
    if (!params.success) throw new NotFoundError();
    const query = endpoint.query?.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (query && !query.success) throw new ValidationError(toFieldErrors(query.error.issues));
    const bodySchema = options.bodySchema?.(params.data as Out<E["params"]>) ?? endpoint.body;
    let body: unknown;
    if (bodySchema) {
      const parsed = bodySchema.safeParse(await readJsonBody(request));
      if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
      const unstorable = findUnstorableText(parsed.data);
      if (Object.keys(unstorable).length) throw new ValidationError(unstorable);
      body = parsed.data;
    }
    const input = { params: params.data, query: query?.data, body } as ApiInput<E>;
    const result = await run(actor, input, request);
    if (result instanceof Response) return result;
    if (endpoint.successStatus === 204) return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
    return Response.json(result, { status: endpoint.successStatus ?? 200, headers: { "Cache-Control": "no-store" } });
  });
}

/** Reads at most MAX_BODY_BYTES, whatever Content-Length claims (it may be absent or wrong). */
async function readJsonBody(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new PayloadTooLargeError(MAX_BODY_BYTES);
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new ValidationError({ _form: ["The request body is not valid JSON."] }, "The request body is not valid JSON.");
  }
}
