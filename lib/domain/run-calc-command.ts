import { CalcInputError, type CalcCommand } from "./calc-command";

export type CalcOutcome = { ok: true; output: unknown } | { ok: false; errors: { field: string; message: string }[] };

/**
 * Validates and runs one calculator; bad input comes back as field-level errors, never as
 * an exception, so the CLI and (later) the API can report it the same way.
 */
export function runCalcCommand(command: CalcCommand, input: unknown): CalcOutcome {
  const parsed = command.input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        field: issue.path.join(".") || "(input)",
        message: issue.message,
      })),
    };
  }
  try {
    return { ok: true, output: (command.run as (value: unknown) => unknown)(parsed.data) };
  } catch (error) {
    if (error instanceof CalcInputError)
      return { ok: false, errors: [{ field: error.field ?? "(input)", message: error.message }] };
    throw error;
  }
}
