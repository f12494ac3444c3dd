import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { defineAction } from "./define-action";

/**
 * An action that writes (defineAction), after which the page that shows what it wrote
 * (`pageOf` the input) is rendered anew, so that the next view shows the change.
 */
export function defineWriteAction<S extends z.ZodType, T>(
  schema: S,
  write: (actor: Actor, input: z.output<S>) => Promise<T>,
  pageOf: (input: z.output<S>) => string,
) {
  return defineAction(schema, async (actor, input) => {
    const result = await write(actor, input);
    revalidatePath(pageOf(input));
    return result;
  });
}

/** An action that writes one patient's data, after which the patient's page is rendered anew. */
export function definePatientAction<S extends z.ZodType<{ patientId: string }>, T>(
  schema: S,
  write: (actor: Actor, input: z.output<S>) => Promise<T>,
) {
  return defineWriteAction(schema, write, (input) => `/patients/${input.patientId}`);
}
