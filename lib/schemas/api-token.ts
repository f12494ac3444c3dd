import { z } from "zod";

export const API_TOKEN_ACCESS = ["read-only", "read-write"] as const;
export type ApiTokenAccessLevel = (typeof API_TOKEN_ACCESS)[number];

/** Lifetimes offered; a token always expires (at most a year), so a forgotten one dies on its own. */
export const API_TOKEN_LIFETIMES_DAYS = [7, 30, 90, 365] as const;

export const CreateApiTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(3, "Name the token (at least 3 characters), e.g. what will use it")
    .max(100, "At most 100 characters"),
  access: z.enum(API_TOKEN_ACCESS, { error: "Choose read-only or read and write" }),
  expiresInDays: z.coerce
    .number({ error: "Choose when the token expires" })
    .int()
    .refine(
      (days) => (API_TOKEN_LIFETIMES_DAYS as readonly number[]).includes(days),
      "Choose one of the offered lifetimes",
    ),
  /** Asked again on purpose: a session alone must not mint a long-lived credential. */
  password: z.string().min(1, "Enter your password to confirm").max(1000, "At most 1000 characters"),
});

export type CreateApiTokenInput = z.input<typeof CreateApiTokenSchema>;

export const RevokeApiTokenSchema = z.object({ tokenId: z.uuid() });
