import { z } from "zod";

/** NIST SP 800-63B section 5.1.1.2 favours length over composition rules. */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Shared by the password form (browser) and changePassword (server). Built per user because
 * the new password must not be the account's own email.
 */
export function changePasswordSchemaFor(email: string) {
  return z
    .object({
      currentPassword: z.string().min(1, "Enter your current password").max(200, "Password is too long"),
      newPassword: z
        .string()
        .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
        .max(200, "Password is too long"),
      confirmPassword: z.string().min(1, "Repeat the new password"),
    })
    .check((ctx) => {
      const { currentPassword, newPassword, confirmPassword } = ctx.value;
      if (newPassword === currentPassword) {
        ctx.issues.push({
          code: "custom",
          input: newPassword,
          path: ["newPassword"],
          message: "Choose a password different from your current one",
        });
      }
      if (newPassword.trim().toLowerCase() === email.trim().toLowerCase()) {
        ctx.issues.push({
          code: "custom",
          input: newPassword,
          path: ["newPassword"],
          message: "Do not use your email address as your password",
        });
      }
      if (confirmPassword !== newPassword) {
        ctx.issues.push({
          code: "custom",
          input: confirmPassword,
          path: ["confirmPassword"],
          message: "The passwords do not match",
        });
      }
    });
}

export type ChangePasswordInput = z.input<ReturnType<typeof changePasswordSchemaFor>>;
