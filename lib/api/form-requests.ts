import { ValidationError } from "@/lib/errors";
import type { FormDefinition } from "@/lib/forms/form-definition";

// Visit keys of the protocol schedule (lib/domain/schedule): day 1, then week 4, 8, 12...
const SCHEDULED_VISIT = /^(day1|week[1-9]\d{0,2})$/;

/**
 * The visit a new form is saved under, as the web form would choose it: fixed for screening,
 * baseline and end-of-study forms, a scheduled visit for visit forms, none for event forms.
 */
export function resolveVisitKey(definition: Pick<FormDefinition, "placement" | "fixedVisitKey">, requested: string | null | undefined): string | null {
  const given = requested ?? null;
  if (definition.fixedVisitKey) {
    if (given !== null && given !== definition.fixedVisitKey) throw visitKeyError(`This form belongs to the ${definition.fixedVisitKey} visit; omit visitKey or send "${definition.fixedVisitKey}"`);
    return definition.fixedVisitKey;
  }
  if (definition.placement === "visit") {
    if (given === null || !SCHEDULED_VISIT.test(given)) throw visitKeyError("Name the scheduled visit, e.g. day1, week4 or week8");
    return given;
  }
  if (given !== null) throw visitKeyError("This form is recorded as an event, not at a visit; omit visitKey");
  return null;
}

function visitKeyError(message: string) {
  return new ValidationError({ visitKey: [message] });
}

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
      Object.entries(error.fieldErrors).map(([path, messages]) => [BODY_LEVEL_FIELDS.has(path) ? path : `data.${path}`, messages]),
    );
    throw new ValidationError(fieldErrors, error.message);
  }
}
