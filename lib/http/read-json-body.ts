import "server-only";
import { ValidationError } from "@/lib/errors";

/** A case report form is a few KB; a much larger body is a mistake or an attack, refused before parsing. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

/**
 * The request's JSON body, or a field-level ValidationError: malformed JSON (request.json()
 * would throw a SyntaxError, answered as a 500) and oversized bodies are the caller's
 * mistakes, never the server's.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) throw tooLarge();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError({ body: ["The request body must be valid JSON"] }, "The request body is not valid JSON.");
  }
}

function tooLarge(): ValidationError {
  return new ValidationError({ body: [`The request body must be at most ${MAX_JSON_BODY_BYTES / 1024} KiB`] }, "The request body is too large.");
}
