import { ValidationError } from "@/lib/errors";

const BODY_LEVEL_FIELDS = new Set(["_form", "reason", "version", "visitKey"]);

/**
 * The data layer keys a form's field errors by their path in the form's data (as the web form
 * shows them); an API client needs the path in the body it sent, e.g. `data.weightKg`.
 */
export async function withBodyFieldPaths<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const fieldErrors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([path, messages]) => [
        BODY_LEVEL_FIELDS.has(path) ? path : `data.${path}`,
        messages,
      ]),
    );
    throw new ValidationError(fieldErrors, error.message);
  }
}
