import { z } from "zod";

/** Shared by the login form (browser) and the credentials provider (server). */
export const SignInSchema = z.object({
  email: z
    .email("Enter a valid email address")
    .max(254)
    .transform((email) => email.toLowerCase()),
  password: z.string().min(1, "Enter your password").max(200, "Password is too long"),
});

export type SignInInput = z.input<typeof SignInSchema>;
