import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One API operation, described once: the OpenAPI document is generated from these entries
 * (lib/api/openapi.ts) and the route handlers parse their input with the same schemas
 * (lib/api/api-route.ts), so the documentation cannot drift from what the server accepts.
 */
export interface ApiEndpoint {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path template, e.g. /api/v1/patients/{id}; its folder under app/ has a route.ts. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /**
   * The permission the data layer checks; "signed-in" for the caller's own things (any
   * credentials, no permission); null for a public endpoint (no credentials).
   */
  permission: Permission | "signed-in" | null;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A body that is a file, not JSON (an import): its media types, sent as binary. */
  requestMediaTypes?: readonly string[];
  /** The JSON body of the success answer; omit it for 204 No Content. */
  response?: z.ZodType;
  /** For non-JSON answers (exports): the media type; `response` is then ignored. */
  responseMediaType?: string;
  successStatus?: 200 | 201 | 202 | 204;
  /**
   * A POST that changes no trial data (an export: POST only so that a cross-site link cannot
   * start one), so a read-only token may make it.
   */
  changesNoData?: boolean;
  /**
   * The answer holds a secret (a new API token) that must not be kept for Idempotency-Key
   * replays; such a POST ignores the header.
   */
  answerIsSecret?: boolean;
  /** Extra error answers beyond those every endpoint may give (401, 403, 400 when it takes input). */
  errors?: readonly (404 | 409 | 413 | 415)[];
}

export function defineEndpoint<E extends ApiEndpoint>(endpoint: E): E {
  return endpoint;
}
