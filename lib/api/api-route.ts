import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { scopeOf, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { readBodyBytes } from "@/lib/http/read-body";
import { claimIdempotencyKey, finishIdempotentRequest, releaseIdempotencyKey } from "@/lib/data/idempotency-keys";
import { errorResponse, withActor } from "@/lib/http/with-actor";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { findUnstorableText } from "@/lib/schemas/unstorable-text";
import type { ApiEndpoint } from "./endpoint";
import { FORM_TYPES } from "./schemas";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ApiInput<E extends ApiEndpoint> {
  params: Out<E["params"]>;
  query: Out<E["query"]>;
  body: Out<E["body"]>;
}

/** Patient data: another site's patient reads as missing (404, from the data layer), never as forbidden. */
const RECORD_LEVEL: ReadonlySet<Permission> = new Set(["patient.read", "patient.write"]);

/**
 * A capability the caller holds nowhere (dashboards, exports, administration) is refused before
 * the request is read: 403, as the data layer would answer, and a bad query never tells such a
 * caller what the endpoint accepts. Authorization itself stays in the data layer.
 */
function refuseMissingCapability(endpoint: ApiEndpoint, actor: Actor): void {
  const permission = endpoint.permission;
  if (permission === null || permission === "signed-in" || RECORD_LEVEL.has(permission)) return;
  if (scopeOf(actor, permission).kind === "none") throw new ForbiddenError();
}

/** Form data is small; a megabyte is far beyond any real form and stops memory abuse. */
export const MAX_BODY_BYTES = 1_048_576;

/**
 * A route handler for one entry of the endpoint list: withActor (credentials, JSON-only
 * writes, read-only tokens), a capability the caller holds nowhere refused (403), then the entry's own schemas parse the path (a bad id is 404,
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
  return withActor<Record<string, string>>(
    async (actor, request, rawParams) => {
      refuseMissingCapability(endpoint, actor);
      const params = endpoint.params
        ? endpoint.params.safeParse(rawParams)
        : { success: true as const, data: undefined };
      if (!params.success) throw notFoundFor(endpoint, rawParams);
      const query = parseApiQuery(endpoint, request);
      const bodySchema = options.bodySchema?.(params.data as Out<E["params"]>) ?? endpoint.body;
      const rawBody = bodySchema ? await readBodyBytes(request, MAX_BODY_BYTES) : Buffer.alloc(0);
      const answer = async (): Promise<Response> => {
        let body: unknown;
        if (bodySchema) {
          const parsed = bodySchema.safeParse(parseJson(rawBody));
          if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
          const unstorable = findUnstorableText(parsed.data);
          if (Object.keys(unstorable).length) throw new ValidationError(unstorable);
          body = parsed.data;
        }
        const input = { params: params.data, query, body } as ApiInput<E>;
        const result = await run(actor, input, request);
        if (result instanceof Response) return result;
        if (endpoint.successStatus === 204)
          return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
        return Response.json(result, {
          status: endpoint.successStatus ?? 200,
          headers: { "Cache-Control": "no-store" },
        });
      };
      // Never for an answer holding a secret (the stored copy would be a second, unhashed token)
      // nor for a streamed file (an export), which would be read whole into the database.
      const key =
        request.method === "POST" && !endpoint.answerIsSecret && !endpoint.responseMediaType
          ? readIdempotencyKey(request)
          : null;
      return key === null ? answer() : answerOnce(actor, key, request, rawBody, answer);
    },
    { changesNoData: endpoint.changesNoData },
  );
}

/**
 * The query string parsed by the entry's query schema (400 with every field error). A field
 * the schema takes as a list (?site=TW01&site=TW02) gets every value; any other the last one.
 */
export function parseApiQuery<E extends ApiEndpoint>(endpoint: E, request: Request): Out<E["query"]> {
  if (!endpoint.query) return undefined as Out<E["query"]>;
  const searchParams = new URL(request.url).searchParams;
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    raw[key] = isListField(endpoint.query.shape[key]) ? values : values.at(-1)!;
  }
  const query = endpoint.query.safeParse(raw);
  if (!query.success) throw new ValidationError(toFieldErrors(query.error.issues));
  return query.data as Out<E["query"]>;
}

/** Whether a query field is an array, under any default or optional around it. */
function isListField(field: z.ZodType | undefined): boolean {
  let def = field?._zod.def;
  while (def && "innerType" in def) def = (def.innerType as z.ZodType)._zod.def;
  return def?.type === "array";
}

/**
 * An unknown form type in the path names itself and the valid ones (a client's typo is not a
 * missing record); any other bad path parameter (a malformed id) is 404 like a missing record.
 */
function notFoundFor(endpoint: ApiEndpoint, rawParams: Record<string, string>): Error {
  const formType = rawParams.formType;
  if (endpoint.params?.shape.formType && formType !== undefined && !FORM_TYPES.includes(formType)) {
    return new NotFoundError(`Form type "${formType.slice(0, 60)}"`, `Valid form types: ${FORM_TYPES.join(", ")}.`);
  }
  return new NotFoundError();
}

/**
 * Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header): the first answer is kept
 * and a retry of the same request gets it again, so a network failure after the server
 * committed never makes a second patient or form. 5xx answers are not kept: nothing was
 * written, so the retry runs again.
 */
async function answerOnce(
  actor: Actor,
  key: string,
  request: Request,
  rawBody: Buffer,
  answer: () => Promise<Response>,
): Promise<Response> {
  const url = new URL(request.url);
  const requestHash = createHash("sha256")
    .update(`${request.method} ${url.pathname}${url.search}\n`)
    .update(rawBody)
    .digest("hex");
  const stored = await claimIdempotencyKey(actor.userId, key, requestHash);
  if (stored) {
    const headers = { "Content-Type": "application/json", "Cache-Control": "no-store", "Idempotent-Replayed": "true" };
    return new Response(stored.status === 204 ? null : stored.body, { status: stored.status, headers });
  }
  let response: Response;
  try {
    response = await answer();
  } catch (error) {
    response = errorResponse(error);
  }
  if (response.status >= 500) {
    await releaseIdempotencyKey(actor.userId, key);
    return response;
  }
  const body = await response.clone().text();
  await finishIdempotentRequest(actor.userId, key, { status: response.status, body });
  return response;
}

function readIdempotencyKey(request: Request): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (!/^[\x21-\x7E]{1,255}$/.test(key)) {
    throw new ValidationError(
      { "Idempotency-Key": ["Send 1 to 255 printable ASCII characters, e.g. a UUID."] },
      "The Idempotency-Key header is not valid.",
    );
  }
  return key;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new ValidationError(
      { _form: ["The request body is not valid JSON."] },
      "The request body is not valid JSON.",
    );
  }
}
