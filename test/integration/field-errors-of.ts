import { expect } from "vitest";
import { ValidationError } from "@/lib/errors";

/** Awaits a write that must be refused as invalid input and returns its field errors. */
export async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}
