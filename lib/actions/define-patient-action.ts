import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { defineAction } from "./define-action";

/**
 * An action that writes one patient's data (defineAction), after which the patient's page is
 * rendered anew so that the next view shows the change.
 */
export function definePatientAction<S extends z.ZodType<{ patientId: string }>, T>(
  schema: S,
  write: (actor: Actor, input: z.output<S>) => Promise<T>,
) {
  return defineAction(schema, async (actor, input) => {
    const result = await write(actor, input);
    revalidatePath(`/patients/${input.patientId}`);
    return result;
  });
}
