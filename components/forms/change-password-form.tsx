"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { changePasswordAction } from "@/app/account/actions";
import { changePasswordSchemaFor, MIN_PASSWORD_LENGTH, type ChangePasswordInput } from "@/lib/schemas/change-password";
import { FormError } from "@/components/ui/form-error";
import { PasswordField } from "@/components/ui/password-field";
import { fieldProps } from "@/components/forms/field-props";

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

export function ChangePasswordForm({ email }: { email: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(() => changePasswordSchemaFor(email), [email]);
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(schema) });
  const { isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    // On success the action redirects to the login page; it only returns on failure.
    const result = await changePasswordAction(values);
    if (!result) return;
    for (const field of FIELDS) {
      const message = result.fieldErrors?.[field]?.[0];
      if (message) form.setError(field, { message });
    }
    if (!result.fieldErrors && result.formError) setFormError(result.formError);
  });

  const passwordField = (
    name: (typeof FIELDS)[number],
    label: string,
    autoComplete: "current-password" | "new-password",
  ) => <PasswordField id={name} label={label} autoComplete={autoComplete} {...fieldProps(form, name)} />;

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={formError ? "password-form-error" : undefined}>
      <FormError id="password-form-error" message={formError} />
      {passwordField("currentPassword", "Current password", "current-password")}
      {passwordField("newPassword", `New password (at least ${MIN_PASSWORD_LENGTH} characters)`, "new-password")}
      {passwordField("confirmPassword", "Repeat new password", "new-password")}
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? "Changing..." : "Change password"}
      </button>
    </form>
  );
}
