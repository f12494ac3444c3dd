"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { CreateApiTokenSchema, RevokeApiTokenSchema } from "@/lib/schemas/api-token";

/** Returns the whole token once; it is never shown or stored again. */
export const createApiTokenAction = defineAction(CreateApiTokenSchema, async (actor, input) => {
  const created = await createApiToken(actor, input);
  revalidatePath("/account/tokens");
  return created;
});

export const revokeApiTokenAction = defineAction(RevokeApiTokenSchema, async (actor, input) => {
  await revokeApiToken(actor, input);
  revalidatePath("/account/tokens");
  return null;
});
