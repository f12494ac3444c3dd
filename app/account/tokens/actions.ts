"use server";

import { defineWriteAction } from "@/lib/actions/define-write-action";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { CreateApiTokenSchema, RevokeApiTokenSchema } from "@/lib/schemas/api-token";

/** Returns the whole token once; it is never shown or stored again. */
export const createApiTokenAction = defineWriteAction(CreateApiTokenSchema, createApiToken, () => "/account/tokens");

export const revokeApiTokenAction = defineWriteAction(RevokeApiTokenSchema, revokeApiToken, () => "/account/tokens");
