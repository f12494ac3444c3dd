import type { z } from "zod";

/** zod issues keyed by field path, every message kept, for field-level display. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return errors;
}
