import "server-only";
import type { z } from "zod";
import { hasPermission, type Actor } from "@/lib/auth/actor";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { toFieldErrors } from "@/lib/schemas/field-errors";

/**
 * What a change to a study's safety settings checks before its transaction (the dose-modification
 * table, the pregnancy prevention rules): the caller administers the study, the new rules parse
 * (field errors keyed under `rules.`), and a reason of at least 3 characters is given.
 */
export function parseSettingsChange<T>(
  actor: Actor,
  schema: z.ZodType<T>,
  input: { rules: unknown; reason: string },
): { rules: T; reason: string } {
  if (!hasPermission(actor, "study.admin")) throw new ForbiddenError();
  const parsed = schema.safeParse(input.rules);
  if (!parsed.success)
    throw new ValidationError(toFieldErrors(parsed.error.issues.map((i) => ({ ...i, path: ["rules", ...i.path] }))));
  const reason = input.reason.trim();
  if (reason.length < 3)
    throw new ValidationError({ reason: ["Give the reason for the change (at least 3 characters)"] });
  return { rules: parsed.data, reason };
}
