import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { authenticateApiToken } from "@/lib/auth/api-token-auth";
import { loadRequestActor } from "@/lib/auth/get-actor";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  summarizeDatabaseError,
} from "@/lib/db/database-unavailable";
import {
  ForbiddenError,
  InvalidApiTokenError,
  isExpectedError,
  NotSignedInError,
  UnsupportedMediaTypeError,
  ValidationError,
} from "@/lib/errors";

type RouteContext<P> = { params: Promise<P> };

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The one wrapper for route handlers. It resolves the caller from an `Authorization: Bearer`
 * API token or else the browser session (401 when neither), enforces what applies to every
 * write (a JSON body, and no read-only token), runs the handler, and turns expected errors
 * into their status with a plain message. Anything else is logged with an id and answered
 * with that id only: no stack trace leaves.
 */
export function withActor<P = Record<string, never>>(
  handler: (actor: Actor, request: Request, params: P) => Promise<Response | unknown>,
  /**
   * changesNoData: a POST that changes no trial data (an export: POST only so that a
   * cross-site link cannot start one), so a read-only token may make it. It still needs JSON.
   */
  options: {
    changesNoData?: boolean;
    /**
     * Media types accepted for the body besides JSON (an import's XML or zip). Only types a
     * cross-site form cannot send without a CORS preflight may be listed here.
     */
    bodyTypes?: readonly string[];
  } = {},
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await resolveActor(request);
      if (!READ_METHODS.has(request.method)) {
        // A cross-site form post can carry the session cookie but cannot send JSON without a
        // CORS preflight, which this app never grants: requiring JSON is the CSRF defence.
        const contentType = request.headers.get("content-type");
        if (!isJson(contentType) && !options.bodyTypes?.includes(mediaTypeOf(contentType)))
          throw new UnsupportedMediaTypeError();
        if (actor.readOnly && !options.changesNoData) throw new ForbiddenError("This API token is read-only.");
      }
      const result = await handler(actor, request, await context.params);
      return result instanceof Response ? result : Response.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A bearer token, when sent, is the only credential looked at: a bad one never falls back to the cookie. */
async function resolveActor(request: Request): Promise<Actor> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const actor = await authenticateApiToken(authorization);
    if (!actor) throw new InvalidApiTokenError();
    return actor;
  }
  const actor = await loadRequestActor();
  if (!actor) throw new NotSignedInError();
  return actor;
}

function mediaTypeOf(contentType: string | null): string {
  return contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
}

function isJson(contentType: string | null): boolean {
  const mediaType = mediaTypeOf(contentType);
  return mediaType === "application/json" || Boolean(mediaType?.match(/^application\/[\w.-]+\+json$/));
}

export function errorResponse(error: unknown): Response {
  if (isExpectedError(error)) {
    const body: Record<string, unknown> = { error: error.message };
    if (error instanceof ValidationError) body.fieldErrors = error.fieldErrors;
    const headers: Record<string, string> = { "Cache-Control": "no-store" };
    // RFC 6750 section 3: a 401 names the scheme; a rejected token says so without saying why.
    if (error instanceof NotSignedInError)
      headers["WWW-Authenticate"] = error instanceof InvalidApiTokenError ? 'Bearer error="invalid_token"' : "Bearer";
    return Response.json(body, { status: error.status, headers });
  }
  if (isDatabaseUnavailable(error)) {
    // Expected during a database restart or failover: one line, not a stack per request.
    console.error(`database unavailable: ${summarizeDatabaseError(error)}`);
    return Response.json(
      { error: DATABASE_UNAVAILABLE_MESSAGE },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
    );
  }
  const errorId = randomUUID();
  console.error(`[${errorId}]`, error);
  return Response.json({ error: "Something went wrong on our side.", errorId }, { status: 500 });
}
