import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { loadRequestActor } from "@/lib/auth/get-actor";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  summarizeDatabaseError,
} from "@/lib/db/database-unavailable";
import { isExpectedError, NotSignedInError, ValidationError } from "@/lib/errors";
import { toFieldErrors } from "@/lib/schemas/field-errors";
import { findUnstorableText } from "@/lib/schemas/unstorable-text";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: "not-signed-in" };

/**
 * The one way to write a mutation: session to actor, parse with the form's shared schema
 * (all field errors, nothing written), run the lib/data function (which checks the
 * permission and audits in its transaction), map expected errors to messages and anything
 * else to a generic message with a logged id.
 */
export function defineAction<S extends z.ZodType, T>(schema: S, run: (actor: Actor, input: z.output<S>) => Promise<T>) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const actor = await loadRequestActor();
      if (!actor) throw new NotSignedInError();
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
      const unstorable = findUnstorableText(parsed.data);
      if (Object.keys(unstorable).length) throw new ValidationError(unstorable);
      return { ok: true, data: await run(actor, parsed.data) };
    } catch (error) {
      // The form keeps its entries and asks for the password in place (components/forms/crf/use-crf-save).
      if (error instanceof NotSignedInError) return { ok: false, message: error.message, code: "not-signed-in" };
      if (isExpectedError(error)) {
        return {
          ok: false,
          message: error.message,
          fieldErrors: error instanceof ValidationError ? error.fieldErrors : undefined,
        };
      }
      if (isDatabaseUnavailable(error)) {
        console.error(`database unavailable: ${summarizeDatabaseError(error)}`);
        return { ok: false, message: `${DATABASE_UNAVAILABLE_MESSAGE} Reload the page to see what was saved.` };
      }
      const errorId = randomUUID();
      console.error(`[${errorId}]`, error);
      return { ok: false, message: `Something went wrong on our side (reference ${errorId}). Nothing was saved.` };
    }
  };
}
