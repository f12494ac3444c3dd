import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/get-actor";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, summarizeDatabaseError } from "@/lib/db/database-unavailable";
import { isExpectedError, NotSignedInError, ValidationError } from "@/lib/errors";

type RouteContext<P> = { params: Promise<P> };

/**
 * The one wrapper for route handlers: resolves the caller (401 when signed out), runs the
 * handler, and turns expected errors into their status with a plain message. Anything
 * else is logged with an id and answered with that id only: no stack trace leaves.
 */
export function withActor<P = Record<string, never>>(
  handler: (actor: Actor, request: Request, params: P) => Promise<Response | unknown>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor) throw new NotSignedInError();
      const result = await handler(actor, request, await context.params);
      return result instanceof Response ? result : Response.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  if (isExpectedError(error)) {
    const body: Record<string, unknown> = { error: error.message };
    if (error instanceof ValidationError) body.fieldErrors = error.fieldErrors;
    return Response.json(body, { status: error.status, headers: { "Cache-Control": "no-store" } });
  }
  if (isDatabaseUnavailable(error)) {
    // Expected during a database restart or failover: one line, not a stack per request.
    console.error(`database unavailable: ${summarizeDatabaseError(error)}`);
    return Response.json({ error: DATABASE_UNAVAILABLE_MESSAGE }, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } });
  }
  const errorId = randomUUID();
  console.error(`[${errorId}]`, error);
  return Response.json({ error: "Something went wrong on our side.", errorId }, { status: 500 });
}
