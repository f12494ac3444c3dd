import type { z } from "zod";

/**
 * A calculator exposed to `npm run calc -- <name>`: one JSON object in, one JSON object out.
 * Each domain area registers its own commands; scripts/calc.ts only dispatches.
 */
export interface CalcCommand {
  /** One line shown by `npm run calc -- --help` and in the README. */
  summary: string;
  /** Validates stdin; its field errors become the CLI's error message. */
  input: z.ZodType;
  run: (input: never) => unknown;
}

/** Declares a command so that `run` receives the schema's parsed type. */
export function defineCalcCommand<S extends z.ZodType>(command: {
  summary: string;
  input: S;
  run: (input: z.infer<S>) => unknown;
}): CalcCommand {
  return command as CalcCommand;
}

/** Thrown by a calculator when input passes the schema but is clinically impossible. */
export class CalcInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "CalcInputError";
  }
}
